import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { CardResponses, CardWithHolder, HolderInput } from '@/core/card/card.schema'
import type { CardStatus } from '@/core/card/card.machine'
import type { ShownError } from '@/utils/errors'
import { useStores } from './context'

export type StatusChange = 'suspend' | 'reinstate' | 'revoke'

/** Administrator's card management: list with a status filter, issue, suspend/reinstate/revoke. */
export class AdminStore {
  items: CardWithHolder[] = []
  statusFilter: CardStatus | null = null
  loading = false
  error: string | null = null
  /** Id of the card whose status change is in flight. */
  changing: string | null = null

  issuing = false
  issueError: ShownError | null = null
  issued: CardResponses['issue'] | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<AdminStore, 'api'>(this, { api: false })
  }

  async load(status: CardStatus | null = this.statusFilter): Promise<void> {
    this.statusFilter = status
    this.loading = true
    this.error = null
    const res = await this.api.call('cards', 'list', status ? { status } : {})
    runInAction(() => {
      this.loading = false
      if (res.ok) this.items = res.data.items
      else this.error = res.error.message
    })
  }

  /** Returns null on success, the Chinese message otherwise. */
  async change(action: StatusChange, cardId: string, reason?: string): Promise<string | null> {
    this.changing = cardId
    const trimmed = reason?.trim()
    const res = await this.api.call('cards', action, trimmed ? { cardId, reason: trimmed } : { cardId })
    runInAction(() => {
      this.changing = null
      if (res.ok) {
        const updated = res.data
        const visible = !this.statusFilter || updated.card.status === this.statusFilter
        this.items = this.items.flatMap((item) => (item.card.id === cardId ? (visible ? [updated] : []) : [item]))
      }
    })
    return res.ok ? null : res.error.message
  }

  async issue(holder: HolderInput): Promise<boolean> {
    this.issuing = true
    this.issueError = null
    this.issued = null
    const res = await this.api.call('cards', 'issue', { holder })
    runInAction(() => {
      this.issuing = false
      if (res.ok) this.issued = res.data
      else this.issueError = res.error
    })
    return res.ok
  }

  clearIssued(): void {
    this.issued = null
    this.issueError = null
  }

  reset(): void {
    this.items = []
    this.statusFilter = null
    this.error = null
    this.issued = null
    this.issueError = null
  }
}

/** Made on the first visit of its page (a subpackage page), so its code stays out of the main package. */
export function useAdminStore(): AdminStore {
  const root = useStores()
  return root.extension('admin', () => new AdminStore(root.api))
}
