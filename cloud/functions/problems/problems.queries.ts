import { aliasedTable, and, asc, eq, exists, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { startOfShanghaiDay, type IsoDate } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { maskPhone } from '../../../src/core/common/mask'
import { nextDeadline } from '../../../src/core/problem/problem.deadlines'
import {
  availableActions,
  type ProblemActionInput,
  type ProblemActor,
  type ProblemSituation,
} from '../../../src/core/problem/problem.machine'
import { PROBLEM_SOURCE_LABELS } from '../../../src/core/problem/problem.labels'
import type { ProblemView, TimelineEvent } from '../../../src/core/problem/problem.schema'
import type { DeadlineKind } from '../../../src/core/problem/problem.deadlines'
import { cardVerifications, cards, commissionerAssignments, departments, holders, homeVisits, problemEvents, problems, sessions, users, visits } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Caller, Services } from '../action'

export type ProblemRow = typeof problems.$inferSelect

const leaders = aliasedTable(users, 'leaders')

/** What the caller is to the problems they look at: which holders they own and which they look after. */
export interface Viewer {
  caller: Caller
  ownHolderIds: string[]
  assigneeHolderIds: string[]
}

export async function viewerOf(tx: Tx, caller: Caller): Promise<Viewer> {
  const [own, assigned] = await Promise.all([
    tx.select({ id: cards.holderId }).from(cards).where(and(eq(cards.userId, caller.id), ne(cards.status, 'revoked'))),
    caller.roles.includes('commissioner')
      ? tx.select({ id: commissionerAssignments.holderId }).from(commissionerAssignments).where(eq(commissionerAssignments.commissionerId, caller.id))
      : Promise.resolve([]),
  ])
  return { caller, ownHolderIds: own.map((r) => r.id), assigneeHolderIds: assigned.map((r) => r.id) }
}

const has = (viewer: Viewer, role: Role) => viewer.caller.roles.includes(role)

/**
 * Whether this staff member served the holder since `sinceDate` (a Shanghai day, included) until now: verified one of
 * their cards, checked them in at a session on the staff member's roster, or was sent on a home visit to them. What lets
 * staff record a problem for a holder (代为登记, STAFF_RECORD_DAYS).
 */
export async function servedByStaff(tx: Tx, staffId: string, holderId: string, sinceDate: IsoDate, today: IsoDate): Promise<boolean> {
  const since = startOfShanghaiDay(sinceDate)
  const verified = tx
    .select({ one: sql`1` })
    .from(cardVerifications)
    .innerJoin(cards, eq(cards.id, cardVerifications.cardId))
    .where(and(eq(cards.holderId, holderId), eq(cardVerifications.verifiedBy, staffId), gte(cardVerifications.verifiedAt, since)))
  const checkedIn = tx
    .select({ one: sql`1` })
    .from(visits)
    .innerJoin(sessions, eq(sessions.id, visits.sessionId))
    .where(and(eq(visits.holderId, holderId), sql`${staffId}::uuid = ANY(${sessions.staffIds})`, gte(visits.checkedInAt, since)))
  const visited = tx
    .select({ one: sql`1` })
    .from(homeVisits)
    .where(
      and(
        eq(homeVisits.holderId, holderId),
        sql`${staffId}::uuid = ANY(${homeVisits.staffIds})`,
        inArray(homeVisits.status, ['scheduled', 'done']),
        gte(homeVisits.date, sinceDate),
        lte(homeVisits.date, today),
      ),
    )
  // Both drivers answer execute() with an object carrying `rows`.
  const { rows } = (await tx.execute(sql`SELECT ${or(exists(verified), exists(checkedIn), exists(visited))} AS served`)) as unknown as { rows: { served: boolean }[] }
  return rows[0].served === true
}

/**
 * Which problems a viewer may see (DESIGN.md §2): holders their own, handlers their department's current ones,
 * commissioners their assignees', staff, leaders and admins all. Returns undefined for "no restriction".
 */
/** Administrators, leaders and staff see every problem, whatever else they are. */
export const seesEveryProblem = (caller: Caller): boolean => caller.roles.some((role) => role === 'admin' || role === 'leader' || role === 'staff')

export function visibleTo(viewer: Viewer): SQL | undefined {
  if (seesEveryProblem(viewer.caller)) return undefined
  const parts: SQL[] = []
  if (viewer.ownHolderIds.length) parts.push(inArray(problems.holderId, viewer.ownHolderIds))
  if (viewer.assigneeHolderIds.length) parts.push(inArray(problems.holderId, viewer.assigneeHolderIds))
  if (has(viewer, 'handler') && viewer.caller.departmentId) parts.push(eq(problems.departmentId, viewer.caller.departmentId))
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`
}

/** The one role the state machine should judge this caller by, for this problem. */
export function actorFor(viewer: Viewer, row: ProblemRow): ProblemActor {
  // A problem the district raised from a survey's finding is the administrators' own: they confirm (销号) or reopen it.
  const ownsProblem = row.holderId === null ? has(viewer, 'admin') : viewer.ownHolderIds.includes(row.holderId)
  const inDepartment = has(viewer, 'handler') && row.departmentId !== null && viewer.caller.departmentId === row.departmentId
  const assignedCommissioner = row.holderId !== null && viewer.assigneeHolderIds.includes(row.holderId)
  const role: Role = has(viewer, 'admin')
    ? 'admin'
    : inDepartment
      ? 'handler'
      : assignedCommissioner
        ? 'commissioner'
        : ownsProblem
          ? 'holder'
          : has(viewer, 'staff')
            ? 'staff'
            : (viewer.caller.roles[0] ?? 'holder')
  return { role, ownsProblem, inDepartment, assignedCommissioner }
}

export function situationOf(row: ProblemRow, now: Date, calendar: WorkingDayOptions, input?: ProblemActionInput): ProblemSituation {
  return {
    status: row.status,
    escalated: row.escalated,
    departmentId: row.departmentId,
    assignedAt: row.assignedAt,
    deadlines: row.signBy && row.resolveBy ? { signBy: row.signBy, resolveBy: row.resolveBy } : null,
    overdueMarked: row.overdueMarked as DeadlineKind[],
    now,
    calendar,
    input,
  }
}

type Joined = { problems: ProblemRow; holders: typeof holders.$inferSelect | null; departments: { name: string } | null; leaders: { name: string } | null }

/**
 * The ledger order. NULLS LAST (the columns are NOT NULL, so it changes nothing) matches the ledger indexes drizzle
 * creates as `DESC NULLS LAST`; plain `DESC` means NULLS FIRST, which no index serves, and PostgreSQL then sorted the
 * whole table (830 ms for an unfiltered page of 1,000,000 problems instead of well under 1 ms).
 */
const NEWEST_FIRST = sql`${problems.createdAt} DESC NULLS LAST, ${problems.id} DESC NULLS LAST`

/** Problems with holder, department and leader names; newest first. The page is chosen before the joins. */
export async function loadProblems(tx: Tx, where: SQL | undefined, limit: number, lock = false): Promise<Joined[]> {
  const page = tx.select({ id: problems.id }).from(problems).where(where).orderBy(NEWEST_FIRST).limit(limit)
  const query = tx
    .select({ problems, holders, departments: { name: departments.name }, leaders: { name: leaders.name } })
    .from(problems)
    .leftJoin(holders, eq(problems.holderId, holders.id))
    .leftJoin(departments, eq(problems.departmentId, departments.id))
    .leftJoin(leaders, eq(problems.leaderId, leaders.id))
    .where(inArray(problems.id, page))
    .orderBy(NEWEST_FIRST)
  return (lock ? await query.for('update', { of: problems }) : await query) as Joined[]
}

/** What a view is computed with: the time, the working-day calendar, and the photo links' signer. */
export type ViewContext = Pick<Services, 'calendar' | 'photoLinks'> & { now: Date }

export function toProblemView(joined: Joined, viewer: Viewer, ctx: ViewContext): ProblemView {
  const { now } = ctx
  const row = joined.problems
  const actor = actorFor(viewer, row)
  const situation = situationOf(row, now, ctx.calendar)
  const seesPhone = actor.ownsProblem || actor.inDepartment
  return {
    id: row.id,
    number: row.number,
    category: row.category as ProblemView['category'],
    title: row.title,
    description: row.description,
    photos: row.photos.map((key) => ctx.photoLinks.sign(key, now)),
    status: row.status,
    source: row.source,
    holderId: row.holderId,
    holderName: joined.holders?.name ?? PROBLEM_SOURCE_LABELS.survey,
    contactPhone: !joined.holders ? '' : seesPhone ? joined.holders.contactPhone : maskPhone(joined.holders.contactPhone),
    bookingId: row.bookingId,
    reply: row.reply,
    deferral:
      row.deferralExplanation && row.deferralSuggestion && row.nextStepKind && row.nextStepDate
        ? { explanation: row.deferralExplanation, suggestion: row.deferralSuggestion, nextStep: { kind: row.nextStepKind, date: row.nextStepDate } }
        : null,
    departmentId: row.departmentId,
    departmentName: joined.departments?.name ?? null,
    leaderId: row.leaderId,
    leaderName: joined.leaders?.name ?? null,
    plan: row.plan,
    resolution: row.resolution,
    escalated: row.escalated,
    overdue: row.overdue,
    version: row.version,
    deadlines: row.signBy && row.resolveBy ? { signBy: row.signBy.toISOString(), resolveBy: row.resolveBy.toISOString() } : null,
    nextDeadline: nextDeadline(situation, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableActions: availableActions(actor, situation),
  }
}

export async function timelineOf(tx: Tx, problemId: string): Promise<TimelineEvent[]> {
  const rows = await tx
    .select({ event: problemEvents, actorName: users.name })
    .from(problemEvents)
    .leftJoin(users, eq(problemEvents.actorId, users.id))
    .where(eq(problemEvents.problemId, problemId))
    .orderBy(asc(problemEvents.id))
  return rows.map(({ event, actorName }) => ({
    id: String(event.id),
    at: event.at.toISOString(),
    actorName: actorName ?? '系统',
    actorRole: event.actorRole as TimelineEvent['actorRole'],
    action: event.action as TimelineEvent['action'],
    fromStatus: event.fromStatus as TimelineEvent['fromStatus'],
    toStatus: event.toStatus as TimelineEvent['toStatus'],
    note: event.note,
  }))
}
