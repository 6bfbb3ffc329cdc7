import { and, eq, sql } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { addDays, shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { sentence } from '../../../src/core/common/punctuation'
import type * as z from 'zod'
import { DEFAULT_DEADLINE_POLICY, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { deadlinesOnAssign } from '../../../src/core/problem/problem.deadlines'
import { decideProblem, decideSubmission, STAFF_RECORD_DAYS, startsRound, type ProblemAction, type ProblemStatus, type SubmissionActor } from '../../../src/core/problem/problem.machine'
import { problemNumber, problemYear, type problemSchemas, type ProblemResponses } from '../../../src/core/problem/problem.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { chineseDate } from '../../../src/core/notification/notification.wechat'
import { bookings, departments, problemCounters, problemEvents, problems, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { SignedInContext } from '../action'
import { inTransaction } from '../transaction'
import { activeCardOf } from '../bookings/bookings.queries'
import { checkPhotos, referencePhotos } from './photo-uploads'
import { noticeProblem, type ProblemNotice } from './problem-notices'
import { actorFor, loadProblems, servedByStaff, situationOf, toProblemView, viewerOf, visibleTo, type ProblemRow, type Viewer } from './problems.queries'

/**
 * The problem ledger's use cases that change it: submitting and every transition. The problems area's actions call
 * them, and so does sync when it replays what a station recorded offline (issue 14).
 */

/** Who may submit a problem: a holder for themself, staff and commissioners for a holder. */
export const PROBLEM_SUBMITTERS = ['holder', 'staff', 'commissioner'] as const

type Patch = Partial<ProblemRow>

/** A new department round: fresh deadlines from now, nothing signed or overdue yet. */
function newRound(row: ProblemRow, now: Date, departmentId: string, calendar: WorkingDayOptions): Patch {
  const deadlines = deadlinesOnAssign(now, row.category as ProblemCategory, DEFAULT_DEADLINE_POLICY, calendar)
  return { departmentId, assignedAt: now, signBy: deadlines.signBy, resolveBy: deadlines.resolveBy, signedAt: null, overdue: false, overdueMarked: [] }
}

const NO_ROUND: Patch = { departmentId: null, assignedAt: null, signBy: null, resolveBy: null, signedAt: null, overdue: false, overdueMarked: [] }

/** What each action writes besides the status, and whom it notifies. */
export type Input = { reply?: string; explanation?: string; suggestion?: string; nextStep?: { kind: 'fixedDay' | 'homeVisit'; date: string }; departmentId?: string; leaderId?: string; plan?: string; note?: string; resolution?: string; reason?: string; report?: string }

function effects(
  action: ProblemAction,
  next: ProblemStatus,
  row: ProblemRow,
  input: Input,
  now: Date,
  calendar: WorkingDayOptions,
): { patch: Patch; note: string | null; notice?: ProblemNotice } {
  const round = startsRound(next) ? newRound(row, now, input.departmentId ?? row.departmentId!, calendar) : next === 'deferred' || next === 'submitted' ? NO_ROUND : {}
  switch (action) {
    case 'answer':
      return { patch: { reply: input.reply }, note: input.reply!, notice: 'answered' }
    case 'defer':
      return {
        patch: { ...round, deferralExplanation: input.explanation, deferralSuggestion: input.suggestion, nextStepKind: input.nextStep!.kind, nextStepDate: input.nextStep!.date },
        note: sentence([
          input.explanation!,
          `建议：${input.suggestion!}`,
          `下一步：${input.nextStep!.kind === 'fixedDay' ? '下个固定日' : '预约上门'} ${chineseDate(input.nextStep!.date)}`,
        ]),
      }
    case 'assign':
      return { patch: { ...round, leaderId: input.leaderId ?? null, plan: input.plan ?? null }, note: input.plan ?? null, notice: 'assigned' }
    case 'reassign':
      return { patch: round, note: input.reason!, notice: 'assigned' }
    case 'sign':
      return { patch: { signedAt: now }, note: null, notice: 'signed' }
    case 'progress':
      return { patch: {}, note: input.note! }
    case 'resolve':
      return { patch: { resolution: input.resolution, resolvedAt: now }, note: input.resolution!, notice: 'resolved' }
    case 'sendBack':
      return { patch: round, note: input.reason!, notice: 'sentBack' }
    case 'confirm':
      return { patch: { closedAt: now }, note: null }
    case 'reopen':
      return { patch: { ...round, ...(next === 'submitted' ? { reply: null } : { resolution: null, resolvedAt: null }) }, note: input.reason!, notice: next === 'assigned' ? 'assigned' : undefined }
    case 'escalate':
      return { patch: { escalated: true }, note: input.report!, notice: 'escalated' }
    case 'markOverdue':
      throw new Error('markOverdue is the overdue job’s, not an action')
  }
}

/**
 * One transition: the caller must see the problem, name the version they saw, and be allowed by the state machine.
 * The update repeats the version check, so of two people acting at once exactly one wins.
 */
export async function transition(ctx: SignedInContext, action: ProblemAction, input: Input & { id: string; version: number }) {
  return inTransaction(ctx.db, async (tx) => {
    const viewer = await viewerOf(tx, ctx.caller)
    const [found] = await loadProblems(tx, and(eq(problems.id, input.id), visibleTo(viewer)), 1)
    if (!found) return fail('NOT_FOUND', '诉求不存在')
    const row = found.problems
    if (row.version !== input.version) return fail('STALE_VERSION')
    const actor = actorFor(viewer, row)
    const next = decideProblem(action, actor, situationOf(row, ctx.now, ctx.calendar, input))
    if (isFailure(next)) return next
    const checked = await checkReferences(tx, input)
    if (checked) return checked
    const { patch, note, notice } = effects(action, next.data, row, input, ctx.now, ctx.calendar)
    const [updated] = await tx
      .update(problems)
      .set({ ...patch, status: next.data, version: sql`${problems.version} + 1`, updatedAt: ctx.now })
      .where(and(eq(problems.id, row.id), eq(problems.version, input.version)))
      .returning()
    if (!updated) return fail('STALE_VERSION')
    await tx.insert(problemEvents).values({ problemId: row.id, actorId: ctx.caller.id, actorRole: actor.role, action, fromStatus: row.status, toStatus: next.data, note, at: ctx.now })
    if (notice) await noticeProblem(tx, notice, updated, ctx.now)
    const [view] = await loadProblems(tx, eq(problems.id, row.id), 1)
    return toProblemView(view, viewer, ctx)
  })
}

/** Departments and leaders named in an action must exist (and a leader must be one). */
async function checkReferences(tx: Tx, input: Input) {
  if (input.departmentId) {
    const [department] = await tx.select({ id: departments.id, deactivatedAt: departments.deactivatedAt }).from(departments).where(eq(departments.id, input.departmentId))
    if (!department) return fail('VALIDATION_FAILED', '部门不存在')
    if (department.deactivatedAt) return fail('DEPARTMENT_INACTIVE')
  }
  if (input.leaderId) {
    const [leader] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.leaderId), sql`'leader' = ANY(${users.roles})`))
    if (!leader) return fail('VALIDATION_FAILED', '所选的人不是区领导')
  }
  return null
}

/** The problem a caller already submitted under this idempotency key, if any. */
async function submissionOf(tx: Tx, userId: string, idempotencyKey: string): Promise<ProblemResponses['submit'] | undefined> {
  const [first] = await tx
    .select({ id: problems.id, status: problems.status })
    .from(problems)
    .where(and(eq(problems.submittedBy, userId), eq(problems.idempotencyKey, idempotencyKey)))
  return first
}

/**
 * As whom the caller submits: for themself as a holder; for another holder as staff who served that holder recently,
 * else as the commissioner assigned to them (someone who is both records as whichever applies). Whether the holder
 * exists makes no difference to the answer.
 */
async function submitterOf(tx: Tx, ctx: SignedInContext, viewer: Viewer, holderId: string | undefined): Promise<SubmissionActor> {
  const has = (role: Role) => ctx.caller.roles.includes(role)
  if (!holderId) return { role: 'holder', assignedCommissioner: false, servedByStaff: false }
  const assignedCommissioner = has('commissioner') && viewer.assigneeHolderIds.includes(holderId)
  const today = shanghaiDate(ctx.now)
  const served = has('staff') && (await servedByStaff(tx, ctx.caller.id, holderId, addDays(today, -STAFF_RECORD_DAYS), today))
  const role = has('staff') && (served || !assignedCommissioner) ? 'staff' : has('commissioner') ? 'commissioner' : 'holder'
  return { role, assignedCommissioner, servedByStaff: served }
}

export async function submitProblem(input: z.output<typeof problemSchemas.submit>, ctx: SignedInContext) {
  return inTransaction(ctx.db, async (tx) => {
    const viewer = await viewerOf(tx, ctx.caller)
    const source = decideSubmission(await submitterOf(tx, ctx, viewer, input.holderId), !!input.holderId)
    if (isFailure(source)) return source
    const holderId = input.holderId ?? (await activeCardOf(tx, ctx.caller.id))?.holderId
    if (!holderId) return fail('HOLDER_CARD_REQUIRED', '请先激活服务卡再提交诉求')
    if (input.bookingId) {
      const [booking] = await tx.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.id, input.bookingId), eq(bookings.holderId, holderId)))
      if (!booking) return fail('NOT_FOUND', '关联的预约不存在')
    }
    // A retry of a submission that already landed answers the first one and takes no number.
    const landed = await submissionOf(tx, ctx.caller.id, input.idempotencyKey)
    if (landed) return landed
    const photos = input.photos ?? []
    const refused = await checkPhotos(tx, ctx.caller.id, photos)
    if (refused) return refused
    const year = problemYear(ctx.now)
    const [counter] = await tx
      .insert(problemCounters)
      .values({ year, last: 1 })
      .onConflictDoUpdate({ target: problemCounters.year, set: { last: sql`${problemCounters.last} + 1` } })
      .returning({ last: problemCounters.last })
    const id = ctx.newId()
    const [created] = await tx
      .insert(problems)
      .values({
        id,
        number: problemNumber(ctx.now, counter.last),
        category: input.category,
        title: input.title,
        description: input.description,
        photos,
        status: 'submitted',
        source: source.data,
        holderId,
        submittedBy: ctx.caller.id,
        bookingId: input.bookingId ?? null,
        idempotencyKey: input.idempotencyKey,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing({ target: [problems.submittedBy, problems.idempotencyKey] })
      .returning({ id: problems.id, status: problems.status })
    // The same key sent twice at once: the other request inserted first; the number this one took stays unused.
    if (!created) return (await submissionOf(tx, ctx.caller.id, input.idempotencyKey))!
    await referencePhotos(tx, ctx.caller.id, photos, id, ctx.now)
    await tx.insert(problemEvents).values({ problemId: id, actorId: ctx.caller.id, actorRole: source.data, action: 'submit', toStatus: 'submitted', at: ctx.now })
    return created satisfies ProblemResponses['submit']
  })
}
