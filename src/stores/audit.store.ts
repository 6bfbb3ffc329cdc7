import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { AuditEventView } from '@/core/org/org.schema'

const PAGE = 30

/** 操作记录: the audit events, newest first, a page at a time (`before` = the previous page's `nextBefore`). */
export class AuditStore {
  items: AuditEventView[] = []
  nextBefore: number | null = null
  loaded = false
  loading = false
  error: string | null = null
  private generation = 0

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<AuditStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  get hasMore(): boolean {
    return this.nextBefore !== null
  }

  /** The first page again. */
  load(): Promise<void> {
    return this.fetch(null)
  }

  more(): Promise<void> {
    if (this.nextBefore === null || this.loading) return Promise.resolve()
    return this.fetch(this.nextBefore)
  }

  private async fetch(before: number | null): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('org', 'audit', before === null ? { limit: PAGE } : { before, limit: PAGE })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) {
        const known = before === null ? [] : this.items
        const ids = new Set(known.map((item) => item.id))
        this.items = [...known, ...res.data.items.filter((item) => !ids.has(item.id))]
        this.nextBefore = res.data.nextBefore
      } else {
        this.error = res.error.message
      }
    })
  }
}
