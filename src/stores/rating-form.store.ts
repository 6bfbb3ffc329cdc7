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
  rating: RatingView
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

  open(target: RatingFormTarget): void {
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
    if (!res.ok) {
      runInAction(() => {
        this.submitting = false
        this.error = { code: res.error.code, message: res.error.message }
      })
      return false
    }
    // Only a first rating opens a rectification; a bad follow-up is the holder's last word.
    const done: RatingDone = { kind: target.kind, title: target.title, bad: target.kind === 'submit' && isBadRating(input), rating: res.data }
    await this.onDone(done)
    runInAction(() => {
      this.submitting = false
      this.target = null
      this.scores = {}
      this.comment = ''
      this.done = done
    })
    return true
  }

  reset(): void {
    this.close()
    this.scores = {}
    this.comment = ''
    this.submitting = false
    this.done = null
  }
}
