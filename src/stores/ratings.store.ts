import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { RatingTargetType } from '@/core/rating/rating.levels'
import type { PendingRatingView, RatingView } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'
import { useStores } from './context'
import type { RootStore } from './root.store'

/** A rating as the holder sees it: the first one, and the follow-up (追评) beside it once given. */
export interface RatingEntry {
  rating: RatingView
  followUp: RatingView | null
}

const sameTarget = (a: { targetType: string; targetId: string }, b: { targetType: string; targetId: string }) =>
  a.targetType === b.targetType && a.targetId === b.targetId

/** 服务评价 of the holder: 待评价 (served, not rated yet) and 我的评价 (what they gave, follow-ups paired). */
export class RatingsStore {
  pending: PendingRatingView[] = []
  mine: RatingView[] = []
  pendingLoaded = false
  mineLoaded = false
  loading = false
  error: ShownError | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<RatingsStore, 'api'>(this, { api: false })
  }

  /** 待评价, most recently served first. */
  get pendingSorted(): PendingRatingView[] {
    return [...this.pending].sort((a, b) => Date.parse(b.servedAt) - Date.parse(a.servedAt))
  }

  /**
   * 我的评价: each first rating, newest first, with its follow-up beside it (the backend nests it in `followUp`; one
   * sent as a separate row of the same target is paired the same way).
   */
  get entries(): RatingEntry[] {
    const followUps = this.mine.filter((rating) => rating.kind === 'followUp')
    return this.mine
      .filter((rating) => rating.kind === 'initial')
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
      .map((rating) => ({ rating, followUp: rating.followUp ?? followUps.find((f) => sameTarget(f, rating)) ?? null }))
  }

  pendingFor(targetType: RatingTargetType, targetId: string): PendingRatingView | null {
    return this.pending.find((item) => sameTarget(item, { targetType, targetId })) ?? null
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    await Promise.all([this.loadPending(), this.loadMine()])
    runInAction(() => {
      this.loading = false
    })
  }

  async loadPending(): Promise<void> {
    const res = await this.api.call('ratings', 'pending', {})
    runInAction(() => {
      this.pendingLoaded = true
      if (res.ok) this.pending = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  async loadMine(): Promise<void> {
    const res = await this.api.call('ratings', 'mine', {})
    runInAction(() => {
      this.mineLoaded = true
      if (res.ok) this.mine = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  reset(): void {
    this.pending = []
    this.mine = []
    this.pendingLoaded = false
    this.mineLoaded = false
    this.loading = false
    this.error = null
  }
}

/** 服务评价, made by the first subpackage page that needs it, so its code stays out of the main package. */
export function ratingsOf(root: RootStore): RatingsStore {
  return root.extension('ratings', () => new RatingsStore(root.api))
}

export function useRatingsStore(): RatingsStore {
  return ratingsOf(useStores())
}
