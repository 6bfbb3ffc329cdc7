/**
 * Lengths and counts of the problems area's inputs, by field. problemSchemas validates by them, and the forms (the
 * submit form of the main package, the action forms of the detail page) check by the same numbers without loading zod
 * (as notification.limits.ts): change a limit here and both follow.
 */
export const PROBLEM_LIMITS = {
  title: { min: 2, max: 60 },
  description: { min: 2, max: 2000 },
  /** 当场答复. */
  reply: { min: 2, max: 2000 },
  /** 暂缓办理: why not on the spot, and what to do next. */
  explanation: { min: 2, max: 1000 },
  suggestion: { min: 2, max: 1000 },
  /** 交办: the optional plan. */
  plan: { min: 2, max: 2000 },
  /** 改派, 退回, 重新办理. */
  reason: { min: 2, max: 500 },
  /** 办理进展. */
  note: { min: 2, max: 1000 },
  /** 办结. */
  resolution: { min: 2, max: 2000 },
  /** 专报 of a commissioner. */
  report: { min: 10, max: 5000 },
} as const

export const MAX_PHOTOS = 9

/** The largest photo the backend stores; the forms refuse a bigger one before sending it. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
export const PHOTO_TOO_LARGE = '图片不能超过10MB'

/** How far problems.list counts the matches of its first page (台帐 shows 共 N 条, or 超过 N 条). */
export const LIST_TOTAL_CAP = 10_000
