import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { SyncFlagView } from '@/core/sync/sync.schema'

/** The most the backend lists at once (syncSchemas.flags): a reviewer works through them from the newest. */
const LIMIT = 200

/** 离线核验异常: offline actions the backend flagged or refused, newest arrival first (the caller's scope). */
export class SyncFlagsStore {
  items: SyncFlagView[] = []
  loaded = false
  loading = false
  error: string | null = null
  private generation = 0

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<SyncFlagsStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  /** The list may be cut at the backend's limit: the page says so. */
  get full(): boolean {
    return this.items.length >= LIMIT
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('sync', 'flags', { limit: LIMIT })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = res.error.message
    })
  }
}
