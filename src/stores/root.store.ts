import { reaction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { createUploader } from '@/api'
import type { Uploader } from '@/api/upload'
import { systemFontSize } from '@/utils/system-font'
import { ActivationStore } from './activation.store'
import { BookingsStore } from './bookings.store'
import { CardStore } from './card.store'
import { DisplayStore } from './display.store'
import { DistrictStore } from './district.store'
import { InboxStore } from './inbox.store'
import { OrgOverviewStore } from './org-overview.store'
import { SessionStore } from './session.store'
import { SessionsStore } from './sessions.store'

/** All stores of the app, built around one api client (a fake one in tests). */
export class RootStore {
  readonly session: SessionStore
  readonly card: CardStore
  readonly activation: ActivationStore
  /** Holders: upcoming sessions and 我的预约 (their forms are in holder-forms.ts, made by the pages that use them). */
  readonly sessions: SessionsStore
  readonly bookings: BookingsStore
  /** 消息中心 and the unread badge of the home page. */
  readonly inbox: InboxStore
  /** The district's name (home page title) and the administrators' and leaders' checklist and calendar warnings. */
  readonly district: DistrictStore
  readonly orgOverview: OrgOverviewStore
  /** 适老化 (elderly mode): this phone's, kept when another person signs in. */
  readonly display: DisplayStore
  private readonly disposeUserReaction: () => void
  /** Stores made on first use by subpackage pages (holder-forms.ts), so their code stays out of the main package. */
  private readonly extensions = new Map<string, { reset(): void }>()

  constructor(
    readonly api: ApiClient,
    /** Stores problem photos (a fake one in tests). */
    readonly uploader: Uploader = createUploader(api),
    /** The phone's font size setting (px), null where the platform does not tell it. */
    fontSize: number | null = systemFontSize(),
  ) {
    this.display = new DisplayStore(fontSize)
    this.session = new SessionStore(api)
    this.card = new CardStore(api, () => this.session.user?.id ?? null)
    this.activation = new ActivationStore(api, async () => {
      await Promise.all([this.session.refreshMe(), this.card.loadMine()])
    })
    this.sessions = new SessionsStore(api)
    this.bookings = new BookingsStore(api, (freed, taken) => {
      if (freed) this.sessions.adjustBooked(freed, -1)
      if (taken) this.sessions.adjustBooked(taken, +1)
    })
    this.inbox = new InboxStore(api)
    this.district = new DistrictStore(api)
    this.orgOverview = new OrgOverviewStore(api, (district) => this.district.set(district))
    // Another person signed in (or nobody): nothing of the previous user's stays on screen.
    this.disposeUserReaction = reaction(
      () => this.session.user?.id ?? null,
      () => {
        this.card.reset()
        this.activation.reset()
        this.sessions.reset()
        this.bookings.reset()
        this.inbox.reset()
        this.orgOverview.reset()
        for (const store of this.extensions.values()) store.reset()
      },
    )
  }

  /** The store under `key`, made by `make` the first time it is asked for. */
  extension<T extends { reset(): void }>(key: string, make: () => T): T {
    let store = this.extensions.get(key)
    if (!store) {
      store = make()
      this.extensions.set(key, store)
    }
    return store as T
  }

  dispose(): void {
    this.disposeUserReaction()
    this.card.stopTokens()
  }
}
