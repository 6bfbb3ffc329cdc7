import { toInstant, type InstantInput } from '../calendar/shanghai-time'

export * from './report.months'

/**
 * The monthly figures of a department (DESIGN.md §2 "Reports"), frozen on the 1st for the month before and fed into
 * the annual appraisal. Counts are stored next to the rates: a district total, or any other sum, recomputes its rates
 * from numerators and denominators (an average of rates would weigh a department of 2 problems like one of 200).
 *
 * What each count counts, within the month [from, to) in Asia/Shanghai (see `monthRange`); the precise rules, as the
 * backend computes them, are in cloud/functions/reports/report.figures.queries.ts:
 */
export interface FigureCounts {
  /** Problems the department received in the month, each once: assigned to it (a round started), or answered on the spot by its staff. */
  received: number
  /** Problems answered on the spot (当场答复) in the month. */
  answeredOnSpot: number
  /** Resolutions (办结) in the month that stand (no reopen followed them): the denominator of the on-time resolution rate. */
  resolved: number
  /** Of those, resolved no later than their `resolveBy`. */
  resolvedOnTime: number
  /** Rounds signed for (签收) in the month: the denominator of the timely sign-for rate. */
  signed: number
  /** Of those, signed no later than their `signBy`. */
  signedOnTime: number
  /** Problems that missed a deadline in the month (each problem once, whichever deadlines it missed). */
  overdue: number
  /** Problems escalated by a commissioner's special report (专报) in the month. */
  escalated: number
  /** Initial ratings submitted in the month (not the follow-up 追评: one rating per visit or problem), except those removed on appeal. */
  ratings: number
  /** Of those, ratings whose lowest level is ≥ 4 (满意 or better on all three: `isSatisfied` of rating.levels.ts). */
  satisfied: number
  /** Of those, bad ratings (lowest level ≤ 2: `isBadRating`). */
  badRatings: number
  /** Of the month's bad ratings, those rectified (整改答复) by the time the report was generated. */
  badRectified: number
  /** Of those, rectified no later than their `rectifyBy`. */
  badRectifiedOnTime: number
}

/** A ratio in [0, 1], or null when nothing was counted (shown as "—", not as 0% or 100%). */
export type Rate = number | null

export interface MonthlyFigures extends FigureCounts {
  /** 按时办结率 = resolvedOnTime / resolved */
  onTimeResolutionRate: Rate
  /** 及时签收率 = signedOnTime / signed */
  timelySignRate: Rate
  /** 满意率 = satisfied / ratings */
  satisfactionRate: Rate
}

export const FIGURE_COUNT_KEYS = [
  'received',
  'answeredOnSpot',
  'resolved',
  'resolvedOnTime',
  'signed',
  'signedOnTime',
  'overdue',
  'escalated',
  'ratings',
  'satisfied',
  'badRatings',
  'badRectified',
  'badRectifiedOnTime',
] as const satisfies readonly (keyof FigureCounts)[]

/** Column headings of the report and its .xlsx export, in the order shown. */
export const FIGURE_LABELS: Record<keyof MonthlyFigures, string> = {
  received: '受理诉求',
  answeredOnSpot: '当场答复',
  resolved: '办结',
  resolvedOnTime: '按时办结',
  onTimeResolutionRate: '按时办结率',
  signed: '签收',
  signedOnTime: '及时签收',
  timelySignRate: '及时签收率',
  overdue: '超期',
  escalated: '专报',
  ratings: '评价',
  satisfied: '满意评价',
  satisfactionRate: '满意率',
  badRatings: '差评',
  badRectified: '差评已整改',
  badRectifiedOnTime: '差评按时整改',
}

/** numerator / denominator, or null for a zero denominator. Throws on impossible counts (a bug of the caller). */
export function rate(numerator: number, denominator: number): Rate {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0 || numerator > denominator) {
    throw new RangeError(`not a rate: ${numerator}/${denominator}`)
  }
  return denominator === 0 ? null : numerator / denominator
}

/** 95.2% (one decimal), or — when there is no rate. */
export function formatRate(value: Rate): string {
  return value === null ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`
}

export function emptyCounts(): FigureCounts {
  return Object.fromEntries(FIGURE_COUNT_KEYS.map((key) => [key, 0])) as unknown as FigureCounts
}

/** Complete figures from counts: the rates are always derived, never stored apart. */
export function figuresFrom(counts: FigureCounts): MonthlyFigures {
  const only = Object.fromEntries(FIGURE_COUNT_KEYS.map((key) => [key, counts[key]])) as unknown as FigureCounts
  return {
    ...only,
    onTimeResolutionRate: rate(counts.resolvedOnTime, counts.resolved),
    timelySignRate: rate(counts.signedOnTime, counts.signed),
    satisfactionRate: rate(counts.satisfied, counts.ratings),
  }
}

/** Totals (district, or several months): counts add up, rates are recomputed. The sum of nothing is all zeros. */
export function sumFigures(list: readonly FigureCounts[]): MonthlyFigures {
  const total = emptyCounts()
  for (const figures of list) for (const key of FIGURE_COUNT_KEYS) total[key] += figures[key]
  return figuresFrom(total)
}

/** On time: done no later than the deadline (the whole last instant counts). */
export function onTime(doneAt: InstantInput, deadline: InstantInput): boolean {
  return toInstant(doneAt).getTime() <= toInstant(deadline).getTime()
}
