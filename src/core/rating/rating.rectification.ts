import type { Role } from '../auth/roles'
import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import { addWorkingDays, type WorkingDayOptions } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import type { RectificationStatus } from './rating.levels'

/**
 * 差评整改: a bad initial rating opens a task for the rating's department, with two deadlines counted from the instant
 * the rating was submitted, by the working-day rule of `calendar/working-days.ts` (the day of submission never counts,
 * statutory holidays are skipped, 调休 make-up days count; a deadline is the end of its day, Asia/Shanghai):
 *
 *   回访 return visit            1 working day     open     → visited     handler of the department (note)
 *   整改反馈 rectification, reply 15 working days    visited  → rectified   handler of the department (note)
 *   核销 withdrawal              —                 open, visited → withdrawn   when an admin removes the rating on appeal
 *
 * Decisions:
 * - Both deadlines run from the submission, not from the return visit: a late return visit does not buy more time.
 * - Work done late is still recorded (the task is not closed by the clock); the on-time flags say it was late, and
 *   reports count them. The flags are derived from the stored instants, so they can never disagree with them.
 * - A pending appeal does not stop the clock: appealing must not be a way to escape the deadlines.
 * - Only handlers of the rating's department act on it: the rectification is that department's duty.
 */

export const RECTIFICATION_WORKING_DAYS = { returnVisit: 1, rectify: 15 } as const

export const RECTIFICATION_DEADLINE_KINDS = ['returnVisit', 'rectify'] as const
export type RectificationDeadlineKind = (typeof RECTIFICATION_DEADLINE_KINDS)[number]

export const RECTIFICATION_DEADLINE_LABELS: Record<RectificationDeadlineKind, string> = {
  returnVisit: '回访时限',
  rectify: '整改反馈时限',
}

export interface RectificationDeadlines {
  returnVisitBy: Date
  rectifyBy: Date
}

/** Deadlines of the rectification of a bad rating submitted at `submittedAt`. */
export function rectificationDeadlines(submittedAt: InstantInput, calendar: WorkingDayOptions = {}): RectificationDeadlines {
  return {
    returnVisitBy: addWorkingDays(submittedAt, RECTIFICATION_WORKING_DAYS.returnVisit, calendar),
    rectifyBy: addWorkingDays(submittedAt, RECTIFICATION_WORKING_DAYS.rectify, calendar),
  }
}

/** The task as stored: status, deadlines and when each step was done (null until done). */
export interface RectificationState {
  status: RectificationStatus
  returnVisitBy: InstantInput
  rectifyBy: InstantInput
  returnVisitedAt?: InstantInput | null
  rectifiedAt?: InstantInput | null
}

const ms = (value: InstantInput) => toInstant(value).getTime()

/** Done by the deadline (the whole last day counts); null while not done. */
function onTime(doneAt: InstantInput | null | undefined, by: InstantInput): boolean | null {
  return doneAt == null ? null : ms(doneAt) <= ms(by)
}

export function returnVisitOnTime(task: Pick<RectificationState, 'returnVisitBy' | 'returnVisitedAt'>): boolean | null {
  return onTime(task.returnVisitedAt, task.returnVisitBy)
}

export function rectifiedOnTime(task: Pick<RectificationState, 'rectifyBy' | 'rectifiedAt'>): boolean | null {
  return onTime(task.rectifiedAt, task.rectifyBy)
}

/** Whether the department still has work to do on it (a withdrawn or rectified task is finished). */
export function isRectificationOpen(status: RectificationStatus): boolean {
  return status === 'open' || status === 'visited'
}

/**
 * The deadlines missed at `now` whose step is still not done, for the reminder job and the overdue marks of the list:
 * the return visit while `open`, the rectification while `open` or `visited`.
 */
export function missedRectificationDeadlines(task: RectificationState, now: InstantInput): RectificationDeadlineKind[] {
  const missed: RectificationDeadlineKind[] = []
  if (task.status === 'open' && ms(now) > ms(task.returnVisitBy)) missed.push('returnVisit')
  if (isRectificationOpen(task.status) && ms(now) > ms(task.rectifyBy)) missed.push('rectify')
  return missed
}

/** Who acts on a rectification. */
export interface RectificationActor {
  role: Role
  /** The caller is a handler of the rating's department. */
  inDepartment: boolean
}

export interface RectificationStep {
  actor: RectificationActor
  task: RectificationState
  /** What the department did (return visit record, rectification and reply). */
  note: string
  now: InstantInput
}

export interface ReturnVisitDecision {
  status: 'visited'
  returnVisitedAt: Date
  returnVisitOnTime: boolean
}

export interface RectifyDecision {
  status: 'rectified'
  rectifiedAt: Date
  rectifiedOnTime: boolean
}

const blank = (value: string | undefined) => !value || value.trim().length === 0

export type RectificationStepKind = 'recordReturnVisit' | 'rectify'

const FROM: Record<RectificationStepKind, RectificationStatus> = { recordReturnVisit: 'open', rectify: 'visited' }

/**
 * Whether the caller may take this step now, the note aside (for the buttons of the UI): permission first (a stranger
 * learns nothing), then a finished task, then the order of the steps.
 */
export function checkRectificationStep(
  kind: RectificationStepKind,
  actor: RectificationActor,
  status: RectificationStatus,
): Result<null> {
  if (actor.role !== 'handler' || !actor.inDepartment) return fail('FORBIDDEN', '只有被评价部门的经办人可以办理整改')
  if (status === 'rectified') return fail('RECTIFICATION_CLOSED', '该差评已整改反馈，整改任务已结束')
  if (status === 'withdrawn') return fail('RECTIFICATION_CLOSED', '该差评已申诉核销，无需整改')
  if (status !== FROM[kind]) {
    return fail('INVALID_TRANSITION', kind === 'recordReturnVisit' ? '已记录回访，请提交整改反馈' : '请先记录回访情况，再提交整改反馈')
  }
  return ok(null)
}

function checkStep(kind: RectificationStepKind, step: RectificationStep, emptyNote: string): Result<null> {
  const checked = checkRectificationStep(kind, step.actor, step.task.status)
  if (!checked.ok) return checked
  return blank(step.note) ? fail('VALIDATION_FAILED', emptyNote) : ok(null)
}

/** 回访: open → visited, within 1 working day of the rating. */
export function decideReturnVisit(step: RectificationStep): Result<ReturnVisitDecision> {
  const checked = checkStep('recordReturnVisit', step, '请填写回访情况')
  if (!checked.ok) return checked
  const at = toInstant(step.now)
  return ok({ status: 'visited', returnVisitedAt: at, returnVisitOnTime: at.getTime() <= ms(step.task.returnVisitBy) })
}

/** 整改反馈: visited → rectified, within 15 working days of the rating. After it the holder may add one follow-up. */
export function decideRectify(step: RectificationStep): Result<RectifyDecision> {
  const checked = checkStep('rectify', step, '请填写整改情况和答复')
  if (!checked.ok) return checked
  const at = toInstant(step.now)
  return ok({ status: 'rectified', rectifiedAt: at, rectifiedOnTime: at.getTime() <= ms(step.task.rectifyBy) })
}

/**
 * What removing a rating on appeal does to its rectification: an unfinished one is withdrawn (nobody has to rectify a
 * rating that no longer counts); a finished one, or none, is left as it is — the work done stays on record.
 */
export function rectificationAfterRemoval(status: RectificationStatus | null): RectificationStatus | null {
  return status !== null && isRectificationOpen(status) ? 'withdrawn' : status
}
