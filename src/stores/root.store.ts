import { reaction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { ActivationStore } from './activation.store'
import { AdminStore } from './admin.store'
import { CardStore } from './card.store'
import { SessionStore } from './session.store'
import { VerifyStore } from './verify.store'

/** All stores of the app, built around one api client (a fake one in tests). */
export class RootStore {
  readonly session: SessionStore
  readonly card: CardStore
  readonly verify: VerifyStore
  readonly admin: AdminStore
  readonly activation: ActivationStore
  private readonly disposeUserReaction: () => void

  constructor(readonly api: ApiClient) {
    this.session = new SessionStore(api)
    this.card = new CardStore(api)
    this.verify = new VerifyStore(api)
    this.admin = new AdminStore(api)
    this.activation = new ActivationStore(api, async () => {
      await Promise.all([this.session.refreshMe(), this.card.loadMine()])
    })
    // Another person signed in (or nobody): nothing of the previous user's stays on screen.
    this.disposeUserReaction = reaction(
      () => this.session.user?.id ?? null,
      () => {
        this.card.reset()
        this.verify.reset()
        this.admin.reset()
        this.activation.reset()
      },
    )
  }

  dispose(): void {
    this.disposeUserReaction()
    this.card.stopTokens()
  }
}
