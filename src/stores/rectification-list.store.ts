import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { AppealStatus, RectificationStatus } from '@/core/rating/rating.levels'
import type { RectificationItem } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'

/** Unfinished work first (待回访, then 待整改), then the finished; the oldest rating first within each. */
const STATUS_RANK: Record<RectificationStatus, number> = { open: 0, visited: 1, rectified: 2, withdrawn: 3 }

/**
 * Bad ratings with their rectification (`ratings.rectifications`, scoped by the backend: a handler gets their
 * department's), optionally by status; `appeal` narrows them on the server (the admin's 待裁决 appeals: 'pending').
 */
export class RectificationListStore {
  status: RectificationStatus | null = null
  items: RectificationItem[] = []
  loaded = false
  loading = false
  error: ShownError | null = null
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    private readonly appeal: AppealStatus | null = null,
  ) {
    makeAutoObservable<RectificationListStore, 'api' | 'appeal' | 'generation'>(this, { api: false, appeal: false, generation: false })
  }

  get sorted(): RectificationItem[] {
    return [...this.items].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || Date.parse(a.rating.createdAt) - Date.parse(b.rating.createdAt))
  }

  find(ratingId: string): RectificationItem | null {
    return this.items.find((item) => item.ratingId === ratingId) ?? null
  }

  setStatus(status: RectificationStatus | null): Promise<void> {
    this.status = status
    return this.load()
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const filters = { ...(this.status ? { status: this.status } : {}), ...(this.appeal ? { appeal: this.appeal } : {}) }
    const res = await this.api.call('ratings', 'rectifications', filters)
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }
}
