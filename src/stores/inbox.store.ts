import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { MAX_MARK_READ } from '@/core/notification/notification.limits'
import type { InboxItemView } from '@/core/notification/notification.schema'
import type { ShownError } from '@/utils/errors'

/** Rounds of 全部已读 beyond the loaded pages (50 unread a round): a bound, not an expected number. */
const READ_ALL_ROUNDS = 20

/**
 * 消息中心: the signed-in user's messages, newest first, paged by id (`nextCursor`), and the unread count the home
 * page shows as a badge. Marking read is optimistic: the dot goes at once and comes back if the server refuses.
 */
export class InboxStore {
  items: InboxItemView[] = []
  nextCursor: number | null = null
  /** The server's count of unread messages (all of them, not only the loaded page). */
  unread = 0
  loaded = false
  loading = false
  error: ShownError | null = null
  readingAll = false

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<InboxStore, 'api'>(this, { api: false })
  }

  get hasMore(): boolean {
    return this.nextCursor !== null
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('notifications', 'inbox', {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.items = res.data.items
        this.nextCursor = res.data.nextCursor
        this.unread = res.data.unread
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
  }

  async loadMore(): Promise<void> {
    const cursor = this.nextCursor
    if (cursor === null || this.loading) return
    this.loading = true
    this.error = null
    const res = await this.api.call('notifications', 'inbox', { cursor })
    runInAction(() => {
      this.loading = false
      if (res.ok) {
        const seen = new Set(this.items.map((item) => item.id))
        this.items = [...this.items, ...res.data.items.filter((item) => !seen.has(item.id))]
        this.nextCursor = res.data.nextCursor
        this.unread = res.data.unread
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
  }

  /** Just the badge: one unread message is enough to learn the count. */
  async refreshUnread(): Promise<void> {
    const res = await this.api.call('notifications', 'inbox', { unreadOnly: true, limit: 1 })
    runInAction(() => {
      if (res.ok) this.unread = res.data.unread
    })
  }

  /** Marks one message read (a tap on it). Resolves to false when the server refused (the dot is back). */
  async markRead(id: number): Promise<boolean> {
    const item = this.items.find((candidate) => candidate.id === id)
    if (!item || item.readAt !== null) return true
    const shown = new Date().toISOString()
    this.setRead([id], shown)
    const res = await this.api.call('notifications', 'markRead', { ids: [id] })
    runInAction(() => {
      if (!res.ok) {
        this.setRead([id], null)
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
  }

  /**
   * 全部已读: the loaded unread messages in batches of MAX_MARK_READ, then whatever is still unread on the server
   * (older pages not loaded), page by page.
   */
  async readAll(): Promise<void> {
    if (this.readingAll) return
    this.readingAll = true
    this.error = null
    const shown = new Date().toISOString()
    try {
      const loaded = this.items.filter((item) => item.readAt === null).map((item) => item.id)
      for (let i = 0; i < loaded.length; i += MAX_MARK_READ) {
        const ids = loaded.slice(i, i + MAX_MARK_READ)
        if (!(await this.markBatch(ids, shown))) return
      }
      for (let round = 0; round < READ_ALL_ROUNDS; round++) {
        const res = await this.api.call('notifications', 'inbox', { unreadOnly: true, limit: 50 })
        if (!res.ok) {
          runInAction(() => (this.error = { code: res.error.code, message: res.error.message }))
          return
        }
        runInAction(() => (this.unread = res.data.unread))
        const ids = res.data.items.filter((item) => item.readAt === null).map((item) => item.id)
        if (ids.length === 0) return
        if (!(await this.markBatch(ids, shown))) return
      }
    } finally {
      runInAction(() => (this.readingAll = false))
    }
  }

  private async markBatch(ids: number[], shown: string): Promise<boolean> {
    const res = await this.api.call('notifications', 'markRead', { ids })
    runInAction(() => {
      if (res.ok) {
        const before = this.items.filter((item) => ids.includes(item.id) && item.readAt === null).length
        this.setRead(ids, shown)
        // setRead counted the loaded ones; messages of pages not loaded are known only from the server's answer.
        this.unread = Math.max(0, this.unread - Math.max(0, res.data.updated - before))
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
  }

  private setRead(ids: number[], readAt: string | null): void {
    const set = new Set(ids)
    let delta = 0
    this.items = this.items.map((item) => {
      if (!set.has(item.id)) return item
      if (readAt !== null && item.readAt === null) delta -= 1
      if (readAt === null && item.readAt !== null) delta += 1
      return { ...item, readAt }
    })
    this.unread = Math.max(0, this.unread + delta)
  }

  reset(): void {
    this.items = []
    this.nextCursor = null
    this.unread = 0
    this.loaded = false
    this.error = null
  }
}
