import {
  NEXT_STEP_KINDS,
  PROBLEM_ACTIONS,
  PROBLEM_ACTION_LABELS,
  PROBLEM_STATUS_LABELS,
  type NextStepKind,
  type ProblemAction,
  type ProblemRole,
  type ProblemSource,
  type ProblemStatus,
} from './problem.labels'
import { compareDates, shanghaiDate, type InstantInput, type IsoDate } from '../calendar/shanghai-time'
import type { WorkingDayOptions } from '../calendar/working-days'
import { fail, ok, type Result } from '../errors'
import { canSendBack, missedDeadlines, type DeadlineKind } from './problem.deadlines'

/**
 * The life of a problem (诉求) in the ledger, after DESIGN.md §2 "Problems" and the seeds (当场答复办理; 解释说明、办理建议、
 * 下个固定日或预约上门; 一个问题一名领导一套班子一个方案; 销号管理; 特派员专门报告):
 *
 *   from                      action       → to            who
 *   submitted                 answer       → answered      staff, admin (reply)
 *   submitted                 defer        → deferred      staff, admin (explanation, suggestion, next step ≥ today)
 *   deferred                  assign       → assigned      admin (department; leader and plan optional)
 *   assigned, in_progress     reassign     → assigned      admin (another department, reason)
 *   assigned                  sign         → in_progress   handler of the department
 *   in_progress               progress     → in_progress   handler of the department (note)
 *   in_progress               resolve      → resolved      handler of the department (resolution)
 *   assigned, in_progress     sendBack     → deferred      handler of the department (reason; ≤ 2 working days)
 *   answered, resolved        confirm      → closed        the holder who owns it (销号)
 *   answered                  reopen       → submitted     the holder who owns it (reason)
 *   resolved                  reopen       → assigned      the holder who owns it (reason; same department)
 *   any but closed            escalate     → (unchanged)   the commissioner assigned to the holder (report; once)
 *   assigned, in_progress     markOverdue  → (unchanged)   system (each missed deadline of the round once)
 *
 * Decisions:
 * - Reopening is not a status of its own: a reopened problem goes back to where the work is done. After a department's
 *   resolution it goes back to `assigned` to the same department, which must sign for it again, with a new round of
 *   deadlines from the reopening (so a reopened problem is tracked and can be overdue like any other). After an
 *   on-the-spot answer it goes back to `submitted`, so that staff answer it again or defer it properly: every
 *   `deferred` problem then carries the explanation, suggestion and next step the rules require. The timeline keeps the
 *   reopen event and its reason, which is what reports count.
 * - Entering `assigned` (assign, reassign, reopen after resolution) starts a department round: the backend sets
 *   assignedAt = now, new deadlines (`deadlinesOnAssign`), clears signedAt and the overdue marks. Entering `deferred`
 *   (defer, sendBack) clears the department (a sent-back problem was wrongly assigned) and its deadlines.
 * - Escalation (专报) is the commissioner's special report for what neither they nor their unit can solve: only the
 *   commissioner assigned to the problem's holder may escalate, in any status but `closed`, once. Leaders receive
 *   escalations (notifications); they do not make them. It sets the `escalated` flag and leaves the status alone.
 * - Only the holder who owns the problem confirms (销号) or reopens it; nobody confirms for them. A problem the district
 *   raised itself from a survey's finding has no holder: the administrators, who raised it, confirm or reopen it.
 * - Staff (any, problems come in from the mini program too) and admins answer or defer; admins (the dispatch office)
 *   assign and reassign; only handlers of the assigned department sign, report progress, resolve or send back.
 * - `markOverdue` is for the scheduled job (role `system`): it records each missed deadline of the current round once.
 *
 * Checks run in a fixed order: permission (a stranger learns nothing), status, flags (escalated / overdue), time
 * (send-back window, next-step date), then the action's own input (reason, department, deferral).
 */
export {
  PROBLEM_STATUSES,
  type ProblemStatus,
  PROBLEM_ACTIONS,
  type ProblemAction,
  PROBLEM_ROLES,
  type ProblemRole,
  PROBLEM_ROLE_LABELS,
  PROBLEM_STATUS_LABELS,
  PROBLEM_ACTION_LABELS,
  PROBLEM_SOURCES,
  type ProblemSource,
  PROBLEM_SOURCE_LABELS,
  NEXT_STEP_KINDS,
  type NextStepKind,
  NEXT_STEP_LABELS,
} from './problem.labels'

export interface ProblemActor {
  role: ProblemRole
  /** The caller is the holder the problem belongs to. */
  ownsProblem: boolean
  /** The caller is a handler of the department the problem is currently assigned to. */
  inDepartment: boolean
  /** The caller is the commissioner assigned to the problem's holder. */
  assignedCommissioner: boolean
}

/** What the caller sends with the action; the machine refuses an action whose required parts are missing or blank. */
export interface ProblemActionInput {
  reply?: string
  explanation?: string
  suggestion?: string
  nextStep?: { kind?: NextStepKind; date?: IsoDate }
  departmentId?: string
  note?: string
  resolution?: string
  reason?: string
  report?: string
}

export interface ProblemSituation {
  status: ProblemStatus
  escalated: boolean
  /** Department of the current round (null unless assigned / in_progress / resolved). */
  departmentId: string | null
  /** Start of the current department round. */
  assignedAt: InstantInput | null
  /** Deadlines of the current round. */
  deadlines: { signBy: InstantInput; resolveBy: InstantInput } | null
  /** Missed deadlines of the current round already recorded by `markOverdue`. */
  overdueMarked?: readonly DeadlineKind[]
  now: InstantInput
  input?: ProblemActionInput
  /** Working-day overrides (official notice ahead of the package). */
  calendar?: WorkingDayOptions
}

// Which status each action leaves, from which status. `reopen` from resolved depends on the department (see decide).
const NEXT: Record<ProblemAction, Partial<Record<ProblemStatus, ProblemStatus>>> = {
  answer: { submitted: 'answered' },
  defer: { submitted: 'deferred' },
  assign: { deferred: 'assigned' },
  reassign: { assigned: 'assigned', in_progress: 'assigned' },
  sign: { assigned: 'in_progress' },
  progress: { in_progress: 'in_progress' },
  resolve: { in_progress: 'resolved' },
  sendBack: { assigned: 'deferred', in_progress: 'deferred' },
  confirm: { answered: 'closed', resolved: 'closed' },
  reopen: { answered: 'submitted', resolved: 'assigned' },
  escalate: { submitted: 'submitted', answered: 'answered', deferred: 'deferred', assigned: 'assigned', in_progress: 'in_progress', resolved: 'resolved' },
  markOverdue: { assigned: 'assigned', in_progress: 'in_progress' },
}

function permitted(action: ProblemAction, actor: ProblemActor): boolean {
  switch (action) {
    case 'answer':
    case 'defer':
      return actor.role === 'staff' || actor.role === 'admin'
    case 'assign':
    case 'reassign':
      return actor.role === 'admin'
    case 'sign':
    case 'progress':
    case 'resolve':
    case 'sendBack':
      return actor.role === 'handler' && actor.inDepartment
    case 'confirm':
    case 'reopen':
      // ownsProblem is true for an administrator only on a problem the district raised itself (a survey's finding).
      return (actor.role === 'holder' || actor.role === 'admin') && actor.ownsProblem
    case 'escalate':
      return actor.role === 'commissioner' && actor.assignedCommissioner
    case 'markOverdue':
      return actor.role === 'system'
  }
}

/** Missed deadlines of the current round that `markOverdue` has not recorded yet. */
export function overdueToMark(situation: ProblemSituation): DeadlineKind[] {
  const marked = situation.overdueMarked ?? []
  return missedDeadlines(situation, situation.now).filter((kind) => !marked.includes(kind))
}

/** Whether the status the action leads to starts a new department round (assignedAt = now, new deadlines). */
export function startsRound(next: ProblemStatus): boolean {
  return next === 'assigned'
}

/** Permission, status, flags and time: everything but the action's input. */
function check(action: ProblemAction, actor: ProblemActor, situation: ProblemSituation): Result<ProblemStatus> {
  if (!permitted(action, actor)) return fail('FORBIDDEN')
  const { status } = situation
  let next = NEXT[action][status]
  if (!next) {
    return fail('INVALID_TRANSITION', `诉求当前为「${PROBLEM_STATUS_LABELS[status]}」，不能${PROBLEM_ACTION_LABELS[action]}`)
  }
  if (action === 'reopen' && status === 'resolved' && !situation.departmentId) next = 'deferred'
  if (action === 'escalate' && situation.escalated) return fail('ALREADY_ESCALATED')
  if (action === 'markOverdue' && overdueToMark(situation).length === 0) return fail('NOT_OVERDUE')
  if (action === 'sendBack') {
    if (!situation.assignedAt) throw new Error(`problem in status ${status} has no assignedAt`)
    if (!canSendBack(situation.assignedAt, situation.now, situation.calendar)) return fail('SEND_BACK_TOO_LATE')
  }
  return ok(next)
}

const blank = (value: string | undefined) => !value || value.trim().length === 0

const REQUIRED_TEXT: Partial<Record<ProblemAction, { field: keyof ProblemActionInput; message: string }>> = {
  answer: { field: 'reply', message: '请填写答复内容' },
  assign: { field: 'departmentId', message: '请选择责任部门' },
  reassign: { field: 'reason', message: '改派须说明原因' },
  progress: { field: 'note', message: '请填写办理进展' },
  resolve: { field: 'resolution', message: '请填写办理结果' },
  sendBack: { field: 'reason', message: '退回须说明原因' },
  reopen: { field: 'reason', message: '重新办理须说明原因' },
  escalate: { field: 'report', message: '请填写专报内容' },
}

function checkInput(action: ProblemAction, situation: ProblemSituation): Result<null> {
  const input = situation.input ?? {}
  const required = REQUIRED_TEXT[action]
  if (required && blank(input[required.field] as string | undefined)) return fail('VALIDATION_FAILED', required.message)

  if (action === 'reassign') {
    if (blank(input.departmentId)) return fail('VALIDATION_FAILED', '请选择改派的部门')
    if (input.departmentId === situation.departmentId) return fail('VALIDATION_FAILED', '改派须选择另一个部门')
  }

  if (action === 'defer') {
    const missing = [
      blank(input.explanation) && '解释说明',
      blank(input.suggestion) && '办理建议',
      (!input.nextStep?.kind || !NEXT_STEP_KINDS.includes(input.nextStep.kind) || blank(input.nextStep.date)) &&
        '下一步安排（下个固定日或预约上门日期）',
    ].filter((part): part is string => typeof part === 'string')
    if (missing.length > 0) return fail('DEFERRAL_INCOMPLETE', `暂缓办理须写明：${missing.join('、')}`)
    // Today is allowed: staff may visit the same afternoon, or the station's fixed day may be today.
    if (compareDates(input.nextStep!.date!, shanghaiDate(situation.now)) < 0) {
      return fail('DATE_IN_PAST', '下一步办理日期不能早于今天')
    }
  }
  return ok(null)
}

/**
 * Decides one action on one problem: the resulting status, or why not. The status is unchanged for `progress`,
 * `escalate` and `markOverdue` (they add a timeline event, set a flag). See the header for the rules.
 */
export function decideProblem(action: ProblemAction, actor: ProblemActor, situation: ProblemSituation): Result<ProblemStatus> {
  const checked = check(action, actor, situation)
  if (!checked.ok) return checked
  const input = checkInput(action, situation)
  return input.ok ? checked : input
}

/**
 * The actions this caller can take on this problem now, for the buttons of the UI (in the order of PROBLEM_ACTIONS).
 * The input is not considered: the form asks for it.
 */
export function availableActions(actor: ProblemActor, situation: Omit<ProblemSituation, 'input'>): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((action) => check(action, actor, situation).ok)
}

/**
 * 代为登记: staff record a problem for a holder they served on the day or in the days before, at most this many days
 * back (Shanghai calendar days before today): a card they verified, a check-in at a session on their roster, a home
 * visit they were sent on. A week reaches the same weekday of the week before, so a problem raised at one fixed day
 * (every Tuesday, say) can still be written up at the next; beyond that the holder submits it, or a commissioner does.
 */
export const STAFF_RECORD_DAYS = 7

export interface SubmissionActor {
  role: ProblemRole
  /** The caller is a commissioner assigned to the holder named. */
  assignedCommissioner: boolean
  /** The caller is staff who served the holder named within STAFF_RECORD_DAYS. */
  servedByStaff: boolean
}

/**
 * Who may submit a problem, and as which source. A holder submits for themself (no holderId); staff record one for a
 * holder they served recently (holderId required); a commissioner submits for a holder assigned to them. Nobody else
 * submits. For a holder the caller may not submit for, the answer is the same whether that holder exists or not.
 */
export function decideSubmission(actor: SubmissionActor, forOtherHolder: boolean): Result<ProblemSource> {
  switch (actor.role) {
    case 'holder':
      return forOtherHolder ? fail('FORBIDDEN', '只能为本单位提交诉求') : ok('holder')
    case 'staff':
      if (!forOtherHolder) return fail('VALIDATION_FAILED', '请选择服务对象')
      return actor.servedByStaff
        ? ok('staff')
        : fail('FORBIDDEN', `只能为近${STAFF_RECORD_DAYS}天内经您核验服务卡、在您值守的场次签到或由您上门服务的服务对象代为登记`)
    case 'commissioner':
      if (!forOtherHolder) return fail('VALIDATION_FAILED', '请选择联系的企业或项目')
      return actor.assignedCommissioner ? ok('commissioner') : fail('FORBIDDEN', '只能为本人联系的企业或项目提交诉求')
    default:
      return fail('FORBIDDEN')
  }
}
