import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import {
  isBadRating,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  type RatingDimension,
  type RatingLevel,
  type RatingScores,
  type RatingTargetType,
} from '@/core/rating/rating.levels'
import { RATING_LIMITS } from '@/core/rating/rating.limits'
import type { RatingView } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'

/** Limit of the comment in ratingSchemas (checked by hand: zod stays out of the main package). */

/** What the card rates: a served visit or problem (首次评价), or a rated one again after rectification (追评). */
export type RatingFormTarget =
  | { kind: 'submit'; targetType: RatingTargetType; targetId: string; title: string }
  | { kind: 'followUp'; ratingId: string; title: string }

export type RatingFormField = RatingDimension | 'comment'

/** What went through: shown in place of the card. `bad`: a first rating that opened a rectification. */
export interface RatingDone {
  kind: RatingFormTarget['kind']
  title: string
  bad: boolean
  /** null when a retry found the rating already stored (the first try reached the backend, its answer did not return). */
  rating: RatingView | null
}

/**
 * The rating card: three dimensions on five levels, all required, and an optional comment. The same card sends a
 * first rating (ratings.submit) or the follow-up (ratings.followUp).
 */
export class RatingFormStore {
  target: RatingFormTarget | null = null
  scores: Partial<RatingScores> = {}
  comment = ''
  errors: Partial<Record<RatingFormField, string>> = {}
  submitting = false
  error: ShownError | null = null
  done: RatingDone | null = null
  /**
   * 待发送: the last try did not reach the backend, or its answer did not come back. The card stays as it was sent;
   * a rating is once per item, so a retry that finds it stored (ALREADY_RATED) means the first try went through.
   */
  queued = false

  constructor(
    private readonly api: ApiClient,
    /** After a success (the lists reload). */
    private readonly onDone: (done: RatingDone) => Promise<void> | void = () => {},
  ) {
    makeAutoObservable<RatingFormStore, 'api' | 'onDone'>(this, { api: false, onDone: false })
  }

  /** Which item the card is open for, to place it under that item. */
  isOpenFor(key: { targetType: RatingTargetType; targetId: string } | { ratingId: string }): boolean {
    const target = this.target
    if (!target) return false
    if ('ratingId' in key) return target.kind === 'followUp' && target.ratingId === key.ratingId
    return target.kind === 'submit' && target.targetType === key.targetType && target.targetId === key.targetId
  }

  /** While one card waits to be sent, no other opens: the waiting card would be lost. */
  open(target: RatingFormTarget): void {
    if (this.queued) return
    this.target = target
    this.scores = {}
    this.comment = ''
    this.errors = {}
    this.error = null
    this.done = null
  }

  close(): void {
    this.target = null
    this.errors = {}
    this.error = null
  }

  setLevel(dimension: RatingDimension, level: RatingLevel): void {
    this.scores[dimension] = level
    delete this.errors[dimension]
    this.error = null
  }

  setComment(value: string): void {
    this.comment = value
    delete this.errors.comment
  }

  /** All three chosen. */
  get complete(): boolean {
    return RATING_DIMENSIONS.every((dimension) => this.scores[dimension] !== undefined)
  }

  /** The levels chosen make a 差评 (a dimension at 不满意 or worse): the card says what follows before it is sent. */
  get bad(): boolean {
    return this.complete && isBadRating(this.scores as RatingScores)
  }

  validate(): (RatingScores & { comment?: string }) | null {
    const errors: Partial<Record<RatingFormField, string>> = {}
    for (const dimension of RATING_DIMENSIONS) {
      if (this.scores[dimension] === undefined) errors[dimension] = `请为「${RATING_DIMENSION_LABELS[dimension]}」选择评价等级`
    }
    const comment = this.comment.trim()
    if (comment.length > RATING_LIMITS.comment.max) errors.comment = `评价内容最多${RATING_LIMITS.comment.max}个字`
    this.errors = errors
    if (Object.keys(errors).length) return null
    const scores = this.scores as RatingScores
    return {
      attitude: scores.attitude,
      quality: scores.quality,
      effectiveness: scores.effectiveness,
      ...(comment ? { comment } : {}),
    }
  }

  async submit(): Promise<boolean> {
    const target = this.target
    if (!target || this.submitting) return false
    this.error = null
    const input = this.validate()
    if (!input) return false
    this.submitting = true
    const res =
      target.kind === 'submit'
        ? await this.api.call('ratings', 'submit', { targetType: target.targetType, targetId: target.targetId, ...input })
        : await this.api.call('ratings', 'followUp', { ratingId: target.ratingId, ...input })
    const stored = !res.ok && res.error.code === 'ALREADY_RATED' && this.queued
    if (!res.ok && !stored) {
      runInAction(() => {
        this.submitting = false
        this.queued = res.error.code === 'NETWORK_UNAVAILABLE'
        this.error = { code: res.error.code, message: res.error.message }
      })
      return false
    }
    // Only a first rating opens a rectification; a bad follow-up is the holder's last word.
    const done: RatingDone = { kind: target.kind, title: target.title, bad: target.kind === 'submit' && isBadRating(input), rating: res.ok ? res.data : null }
    await this.onDone(done)
    runInAction(() => {
      this.submitting = false
      this.queued = false
      this.target = null
      this.scores = {}
      this.comment = ''
      this.done = done
    })
    return true
  }

  /** A saved draft's state after a restart (ratings carry no idempotency key: a rating is once per item anyway). */
  resume(_pending: unknown, queued: boolean): void {
    this.queued = queued
  }

  get pendingKey(): null {
    return null
  }

  reset(): void {
    this.queued = false
    this.close()
    this.scores = {}
    this.comment = ''
    this.submitting = false
    this.done = null
  }
}
