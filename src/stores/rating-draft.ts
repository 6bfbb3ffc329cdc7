import { draftKey, is } from '@/core/draft/draft'
import { RATING_DIMENSIONS, RATING_LEVELS, RATING_TARGET_TYPES, type RatingLevel, type RatingScores, type RatingTargetType } from '@/core/rating/rating.levels'
import type { DraftBinding } from './form-draft'
import type { RatingFormStore, RatingFormTarget } from './rating-form.store'

export interface RatingDraftFields {
  target: RatingFormTarget
  scores: Partial<RatingScores>
  comment: string
}

function isTarget(value: unknown): value is RatingFormTarget {
  if (!is.object(value) || !is.string(value.title)) return false
  if (value.kind === 'submit') return RATING_TARGET_TYPES.includes(value.targetType as RatingTargetType) && is.string(value.targetId)
  return value.kind === 'followUp' && is.string(value.ratingId)
}

function isFields(value: unknown): value is RatingDraftFields {
  if (!is.object(value) || !isTarget(value.target) || !is.string(value.comment) || !is.object(value.scores)) return false
  const scores = value.scores
  return Object.keys(scores).every((key) => RATING_DIMENSIONS.includes(key as never) && RATING_LEVELS.includes(scores[key] as RatingLevel))
}

/** The open rating card's draft: one at a time (the card opens for one item), per user. */
export class RatingDraftBinding implements DraftBinding<RatingDraftFields> {
  readonly key: string
  readonly isFields = isFields

  constructor(
    private readonly form: RatingFormStore,
    userId: string,
  ) {
    this.key = draftKey('rating', userId)
  }

  fields(): RatingDraftFields | null {
    const { target, scores, comment } = this.form
    return target ? { target, scores: { ...scores }, comment } : null
  }

  restore(fields: RatingDraftFields): void {
    this.form.open(fields.target)
    for (const dimension of RATING_DIMENSIONS) {
      const level = fields.scores[dimension]
      if (level !== undefined) this.form.setLevel(dimension, level)
    }
    this.form.setComment(fields.comment)
  }

  sent() {
    return this.form.done
  }
}
