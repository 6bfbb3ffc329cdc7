import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import { addWorkingDays, type WorkingDayOptions } from '../calendar/working-days'
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy, type ProblemCategory } from './problem.categories'
import type { ProblemStatus } from './problem.machine'

/**
 * Deadlines of a department's round of work on a problem. A round starts each time the problem enters `assigned`
 * (assign, reassign, reopen after a resolution) and its clock starts at that instant, with the working-day rule of
 * `calendar/working-days.ts`: the deadline is the end (23:59:59.999 Asia/Shanghai) of the n-th working day after the
 * day of assignment; the day of assignment never counts, statutory holidays are skipped and 调休 make-up days count.
 *
 *   签收 sign-for:  policy.signDays (default 1) working days — open while the problem is `assigned`.
 *   办结 resolve:   policy.resolveDays[category] (default 10) — open while `assigned` or `in_progress`.
 *
 * A deadline is missed when `now` is strictly after it (the whole last day counts).
 */

export const DEADLINE_KINDS = ['sign', 'resolve'] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]

export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = {
  sign: '签收时限',
  resolve: '办结时限',
}

/** A department may send a wrongly assigned problem back within this many working days of the assignment. */
export const SEND_BACK_WORKING_DAYS = 2

export interface ProblemDeadlines {
  signBy: Date
  resolveBy: Date
}

/** What the deadline rules need to know of a problem; instants may be Dates or ISO strings (as stored / sent). */
export interface DeadlineState {
  status: ProblemStatus
  /** Deadlines of the current round; null before the first assignment. */
  deadlines: { signBy: InstantInput; resolveBy: InstantInput } | null
}

export interface NextDeadline {
  kind: DeadlineKind
  /** ISO 8601 instant (UTC). */
  at: string
  /** The deadline has passed and is still open. */
  overdue: boolean
}

/** Deadlines of a round assigned at `assignedAt` for a problem of this category. */
export function deadlinesOnAssign(
  assignedAt: InstantInput,
  category: ProblemCategory,
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  options: WorkingDayOptions = {},
): ProblemDeadlines {
  return {
    signBy: addWorkingDays(assignedAt, policy.signDays, options),
    resolveBy: addWorkingDays(assignedAt, policy.resolveDays[category], options),
  }
}

const ms = (value: InstantInput) => toInstant(value).getTime()

/** The deadlines that are open in this status, nearest first. */
function openDeadlines(problem: DeadlineState): { kind: DeadlineKind; at: InstantInput }[] {
  const { status, deadlines } = problem
  if (!deadlines) return []
  if (status === 'assigned') {
    return [
      { kind: 'sign' as const, at: deadlines.signBy },
      { kind: 'resolve' as const, at: deadlines.resolveBy },
    ].sort((a, b) => ms(a.at) - ms(b.at))
  }
  if (status === 'in_progress') return [{ kind: 'resolve', at: deadlines.resolveBy }]
  return []
}

/**
 * What the holder (and the handler's list) sees: the nearest deadline still open, or null when nothing is being
 * worked on by a department (new, answered, deferred and waiting for dispatch, resolved, closed). A missed sign-for
 * stays the one shown until the department signs: it is the step that is late.
 */
export function nextDeadline(problem: DeadlineState, now: InstantInput): NextDeadline | null {
  const first = openDeadlines(problem)[0]
  if (!first) return null
  return { kind: first.kind, at: toInstant(first.at).toISOString(), overdue: ms(now) > ms(first.at) }
}

/** The open deadlines already missed at `now`: sign-for while not signed, resolution while not resolved. */
export function missedDeadlines(problem: DeadlineState, now: InstantInput): DeadlineKind[] {
  return openDeadlines(problem)
    .filter((deadline) => ms(now) > ms(deadline.at))
    .map((deadline) => deadline.kind)
    .sort((a, b) => DEADLINE_KINDS.indexOf(a) - DEADLINE_KINDS.indexOf(b))
}

/** Sign-for missed while still `assigned`, or resolution missed while not yet resolved (or closed). */
export function isOverdue(problem: DeadlineState, now: InstantInput): boolean {
  return missedDeadlines(problem, now).length > 0
}

/** Whether a department may still send back a problem assigned at `assignedAt`: until the end of the 2nd working day. */
export function canSendBack(assignedAt: InstantInput, now: InstantInput, options: WorkingDayOptions = {}): boolean {
  return ms(now) <= addWorkingDays(assignedAt, SEND_BACK_WORKING_DAYS, options).getTime()
}
