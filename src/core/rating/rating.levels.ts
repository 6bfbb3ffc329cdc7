/**
 * 好差评 vocabulary: levels, dimensions, kinds and statuses with their labels, and the two classifications every screen
 * and report shares (差评, 满意). Apart from the schemas so the main package can show a rating without loading zod; it
 * imports nothing at all.
 */

/** National practice: five levels, 5 the best. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const
export type RatingLevel = (typeof RATING_LEVELS)[number]

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
}

/** What the holder rates, in the order the form asks. */
export const RATING_DIMENSIONS = ['attitude', 'quality', 'effectiveness'] as const
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]

export const RATING_DIMENSION_LABELS: Record<RatingDimension, string> = {
  attitude: '服务态度',
  quality: '办理质量',
  effectiveness: '办理效果',
}

/** One level per dimension: what a holder submits. */
export type RatingScores = Record<RatingDimension, RatingLevel>

/** 一次一评 (a station visit), 一事一评 (a problem). */
export const RATING_TARGET_TYPES = ['visit', 'problem'] as const
export type RatingTargetType = (typeof RATING_TARGET_TYPES)[number]

export const RATING_TARGET_TYPE_LABELS: Record<RatingTargetType, string> = { visit: '服务站办事', problem: '诉求办理' }

/** The rating of the service, and the one follow-up a holder may add after a bad rating was rectified. */
export const RATING_KINDS = ['initial', 'followUp'] as const
export type RatingKind = (typeof RATING_KINDS)[number]

export const RATING_KIND_LABELS: Record<RatingKind, string> = { initial: '评价', followUp: '追评' }

/** 差评整改: open → visited (return visit recorded) → rectified; withdrawn when the rating is removed on appeal. */
export const RECTIFICATION_STATUSES = ['open', 'visited', 'rectified', 'withdrawn'] as const
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number]

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: '待回访',
  visited: '已回访待整改',
  rectified: '已整改',
  withdrawn: '申诉核销，无需整改',
}

/** none → pending (the department appealed) → upheld (the rating stands) or removed (excluded from scores). */
export const APPEAL_STATUSES = ['none', 'pending', 'upheld', 'removed'] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]

export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  none: '未申诉',
  pending: '申诉待裁决',
  upheld: '申诉未采纳，评价有效',
  removed: '申诉成立，评价已核销',
}

/** A dimension at or below this level makes the whole rating a 差评 (不满意 or 非常不满意). */
export const BAD_LEVEL_MAX = 2
/** The lowest dimension must reach this level for the rating to count as satisfied (满意 or 非常满意). */
export const SATISFIED_LEVEL_MIN = 4

export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'number' && (RATING_LEVELS as readonly number[]).includes(value)
}

/** The worst of the three levels: one poor dimension is what the holder complains about. */
export function lowestLevel(scores: Readonly<Record<RatingDimension, number>>): number {
  return Math.min(scores.attitude, scores.quality, scores.effectiveness)
}

/** 差评: any dimension rated 不满意 or worse, so that a single failure is never averaged away by two good marks. */
export function isBadRating(scores: Readonly<Record<RatingDimension, number>>): boolean {
  return lowestLevel(scores) <= BAD_LEVEL_MAX
}

/**
 * Satisfied (counts towards the 满意率): every dimension at least 满意. Judged on the lowest dimension, not the average,
 * for the same reason as 差评: 5/5/1 averages 3.7 but is a complaint. It follows that a bad rating is never
 * satisfied, so a department cannot collect a 差评 and a 满意 from the same rating, and 基本满意 (3) is neither: it
 * lowers the satisfaction rate without opening a rectification.
 */
export function isSatisfied(scores: Readonly<Record<RatingDimension, number>>): boolean {
  return lowestLevel(scores) >= SATISFIED_LEVEL_MIN
}
