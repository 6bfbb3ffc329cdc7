import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { RATING_LIMITS } from '@/core/rating/rating.limits'
import type { RectificationItem } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'


/** The admin's decision on a department's appeal: uphold the rating (it counts) or remove it (marked, not counted). */
export class AppealDecisionStore {
  ratingId: string | null = null
  uphold: boolean | null = null
  reason = ''
  error: ShownError | null = null
  submitting = false
  /** The last decision that went through (for a toast). */
  done: { ratingId: string; uphold: boolean } | null = null

  constructor(
    private readonly api: ApiClient,
    private readonly onDone: (item: RectificationItem) => Promise<void> | void = () => {},
  ) {
    makeAutoObservable<AppealDecisionStore, 'api' | 'onDone'>(this, { api: false, onDone: false })
  }

  isOpen(ratingId: string, uphold?: boolean): boolean {
    return this.ratingId === ratingId && (uphold === undefined || this.uphold === uphold)
  }

  /** Opens the decision (the same button again closes it); the reason typed so far is kept when switching. */
  toggle(ratingId: string, uphold: boolean): void {
    if (this.isOpen(ratingId, uphold)) {
      this.close()
      return
    }
    if (this.ratingId !== ratingId) this.reason = ''
    this.ratingId = ratingId
    this.uphold = uphold
    this.error = null
    this.done = null
  }

  close(): void {
    this.ratingId = null
    this.uphold = null
    this.reason = ''
    this.error = null
  }

  setReason(value: string): void {
    this.reason = value
    this.error = null
  }

  async submit(): Promise<boolean> {
    const { ratingId, uphold } = this
    if (!ratingId || uphold === null || this.submitting) return false
    const reason = this.reason.trim()
    const { min, max } = RATING_LIMITS.decisionReason
    if (reason.length < min) {
      this.error = { code: 'VALIDATION_FAILED', message: reason ? `裁决理由至少${min}个字` : '请说明裁决理由' }
      return false
    }
    if (reason.length > max) {
      this.error = { code: 'VALIDATION_FAILED', message: `裁决理由最多${max}个字` }
      return false
    }
    this.error = null
    this.submitting = true
    const res = await this.api.call('ratings', 'decideAppeal', { ratingId, uphold, reason })
    if (!res.ok) {
      runInAction(() => {
        this.submitting = false
        this.error = { code: res.error.code, message: res.error.message }
      })
      return false
    }
    await this.onDone(res.data)
    runInAction(() => {
      this.submitting = false
      this.close()
      this.done = { ratingId, uphold }
    })
    return true
  }
}
