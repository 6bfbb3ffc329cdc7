/**
 * Text lengths of the ratings area's inputs. ratingSchemas validates by them, and the forms (the rating card of the main
 * package, the departments' and administrators' forms) check by the same numbers without loading zod (as
 * notification.limits.ts): change a limit here and both follow.
 */
export const RATING_LIMITS = {
  /** 评价内容 of a rating or its follow-up (optional). */
  comment: { min: 1, max: 500 },
  /** 回访情况. */
  returnVisitNote: { min: 2, max: 1000 },
  /** 整改情况和答复. */
  rectifyNote: { min: 2, max: 2000 },
  /** 申诉理由. */
  appealReason: { min: 2, max: 1000 },
  /** 裁决理由 of an administrator deciding an appeal. */
  decisionReason: { min: 2, max: 500 },
} as const
