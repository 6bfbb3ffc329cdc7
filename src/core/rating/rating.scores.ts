import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import {
  isBadRating,
  isSatisfied,
  type AppealStatus,
  type RatingDimension,
  type RatingKind,
  type RectificationStatus,
} from './rating.levels'

/**
 * Scores of departments and staff, always computed from the rating rows themselves (never from counters kept on the
 * side, which drift), so a removal on appeal changes the figures by itself.
 *
 * What counts: initial ratings that were not removed on appeal. A follow-up judges the rectification, not the
 * service, and would count the same service twice; a removed rating was found malicious. An upheld or pending appeal
 * counts as before: an appeal alone must not lift a department's score.
 */

/** A rating row as read for scores (with its rectification, if any). */
export interface ScoredRating {
  kind: RatingKind
  appealStatus: AppealStatus
  attitude: number
  quality: number
  effectiveness: number
  departmentId?: string | null
  staffId?: string | null
  rectification?: { status: RectificationStatus; rectifyBy: InstantInput; rectifiedAt: InstantInput | null } | null
}

export interface ScoreSummary {
  /** Ratings counted (initial, not removed). */
  count: number
  /** Averages per dimension to one decimal; null when nothing was counted. */
  attitude: number | null
  quality: number | null
  effectiveness: number | null
  /** Ratings whose lowest dimension is ≥ 4. */
  satisfiedCount: number
  /** satisfiedCount / count (0–1, unrounded); null when nothing was counted. */
  satisfactionRate: number | null
  /** 差评 counted. */
  badCount: number
  /** Bad ratings whose rectification is done. */
  rectifiedCount: number
  /** Bad ratings whose rectification was done by its deadline. */
  rectifiedOnTime: number
}

export function countsInScores(rating: Pick<ScoredRating, 'kind' | 'appealStatus'>): boolean {
  return rating.kind === 'initial' && rating.appealStatus !== 'removed'
}

// Averages from the integer sum, so that 4.15 (83/20) rounds to 4.2 and not to the float just below it.
const average = (sum: number, count: number) => (count === 0 ? null : Math.round((sum * 10) / count) / 10)

/** The summary of a set of rows; rows that do not count (follow-ups, removed ratings) are left out here. */
export function scoreRatings(rows: readonly ScoredRating[]): ScoreSummary {
  const counted = rows.filter(countsInScores)
  const sums: Record<RatingDimension, number> = { attitude: 0, quality: 0, effectiveness: 0 }
  let satisfiedCount = 0
  let badCount = 0
  let rectifiedCount = 0
  let rectifiedOnTime = 0
  for (const row of counted) {
    sums.attitude += row.attitude
    sums.quality += row.quality
    sums.effectiveness += row.effectiveness
    if (isSatisfied(row)) satisfiedCount++
    if (!isBadRating(row)) continue
    badCount++
    const task = row.rectification
    if (task?.status !== 'rectified' || task.rectifiedAt == null) continue
    rectifiedCount++
    if (toInstant(task.rectifiedAt).getTime() <= toInstant(task.rectifyBy).getTime()) rectifiedOnTime++
  }
  const count = counted.length
  return {
    count,
    attitude: average(sums.attitude, count),
    quality: average(sums.quality, count),
    effectiveness: average(sums.effectiveness, count),
    satisfiedCount,
    satisfactionRate: count === 0 ? null : satisfiedCount / count,
    badCount,
    rectifiedCount,
    rectifiedOnTime,
  }
}

/**
 * Summaries per key (department, staff member), in order of first appearance. Rows without a key are left out of
 * the groups (a visit served by nobody on record still counts in the overall summary).
 */
export function groupScores(
  rows: readonly ScoredRating[],
  keyOf: (row: ScoredRating) => string | null | undefined,
): Map<string, ScoreSummary> {
  const groups = new Map<string, ScoredRating[]>()
  for (const row of rows) {
    const key = keyOf(row)
    if (key == null) continue
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return new Map([...groups].map(([key, group]) => [key, scoreRatings(group)]))
}

export function scoresByDepartment(rows: readonly ScoredRating[]): ({ departmentId: string } & ScoreSummary)[] {
  return [...groupScores(rows, (row) => row.departmentId)].map(([departmentId, summary]) => ({ departmentId, ...summary }))
}

export function scoresByStaff(rows: readonly ScoredRating[]): ({ staffId: string } & ScoreSummary)[] {
  return [...groupScores(rows, (row) => row.staffId)].map(([staffId, summary]) => ({ staffId, ...summary }))
}
