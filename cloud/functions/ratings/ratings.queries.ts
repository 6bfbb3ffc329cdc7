import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { maskPhone } from '../../../src/core/common/mask'
import type { RatingLevel, RatingTargetType } from '../../../src/core/rating/rating.levels'
import {
  missedRectificationDeadlines,
  rectifiedOnTime,
  returnVisitOnTime,
} from '../../../src/core/rating/rating.rectification'
import { availableRatingActions, type RatedTarget, type RatingActor, type RatingState } from '../../../src/core/rating/rating.rules'
import type { RatingView, RectificationItem, RectificationView } from '../../../src/core/rating/rating.schema'
import { chineseDate } from '../../../src/core/notification/notification.wechat'
import { SESSION_KIND_LABELS } from '../../../src/core/station/session.kinds'
import { departments, holders, problemEvents, problems, ratings, rectifications, sessions, stations, users, visits } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Viewer } from '../problems/problems.queries'

export type RatingRow = typeof ratings.$inferSelect
export type RectificationRow = typeof rectifications.$inferSelect

const has = (viewer: Viewer, role: Role) => viewer.caller.roles.includes(role)

/**
 * The service a rating is about, as the rules and the rating row need it: whose it is, whether it was served, who is
 * answerable for it (DESIGN.md §2 "Ratings"; the issue's decisions):
 * - a visit: the staff member who checked the holder in, and that person's department;
 * - a problem: its department (or, answered on the spot without one, the department of the staff who answered) and
 *   the user whose event answered or resolved it last; its responsible leader, if one was named.
 */
export interface RatingTarget {
  targetType: RatingTargetType
  targetId: string
  holderId: string
  rated: RatedTarget
  departmentId: string | null
  staffId: string | null
  leaderId: string | null
  title: string
  /** Check-in of a visit; resolution (or closure) of a problem; null while not served. */
  servedAt: Date | null
}

/** 流动服务站 · 环翠区政务服务中心流动站 · 2026年9月29日: people read the date the Chinese way. */
export const visitTitle = (kind: keyof typeof SESSION_KIND_LABELS, stationName: string, date: string) =>
  `${SESSION_KIND_LABELS[kind]} · ${stationName} · ${chineseDate(date)}`

export const problemTitle = (number: string, title: string) => `${number} ${title}`

export async function loadTarget(tx: Tx, targetType: RatingTargetType, targetId: string): Promise<RatingTarget | null> {
  if (targetType === 'visit') {
    const [row] = await tx
      .select({ visit: visits, kind: sessions.kind, date: sessions.date, stationName: stations.name, staffDepartmentId: users.departmentId })
      .from(visits)
      .innerJoin(sessions, eq(visits.sessionId, sessions.id))
      .innerJoin(stations, eq(sessions.stationId, stations.id))
      .innerJoin(users, eq(visits.checkedInBy, users.id))
      .where(eq(visits.id, targetId))
    if (!row) return null
    return {
      targetType,
      targetId,
      holderId: row.visit.holderId,
      rated: { targetType: 'visit', checkedInAt: row.visit.checkedInAt },
      departmentId: row.staffDepartmentId,
      staffId: row.visit.checkedInBy,
      leaderId: null,
      title: visitTitle(row.kind, row.stationName, row.date),
      servedAt: row.visit.checkedInAt,
    }
  }
  const [problem] = await tx.select().from(problems).where(eq(problems.id, targetId))
  // A problem raised from a survey's finding has no holder to rate it.
  if (!problem?.holderId) return null
  const [server] = await tx
    .select({ actorId: problemEvents.actorId, departmentId: users.departmentId })
    .from(problemEvents)
    .leftJoin(users, eq(problemEvents.actorId, users.id))
    .where(and(eq(problemEvents.problemId, targetId), inArray(problemEvents.action, ['answer', 'resolve'])))
    .orderBy(desc(problemEvents.id))
    .limit(1)
  return {
    targetType,
    targetId,
    holderId: problem.holderId,
    rated: { targetType: 'problem', status: problem.status },
    departmentId: problem.departmentId ?? server?.departmentId ?? null,
    staffId: server?.actorId ?? null,
    leaderId: problem.leaderId,
    title: problemTitle(problem.number, problem.title),
    servedAt: problem.resolvedAt ?? problem.closedAt,
  }
}

/** The responsible leader of a rating's target (a problem's named leader), or null for "every leader". */
export async function leaderOfTarget(tx: Tx, rating: Pick<RatingRow, 'targetType' | 'targetId'>): Promise<string | null> {
  if (rating.targetType !== 'problem') return null
  const [row] = await tx.select({ leaderId: problems.leaderId }).from(problems).where(eq(problems.id, rating.targetId))
  return row?.leaderId ?? null
}

/** Titles of the targets of these ratings, keyed `type:id`. */
async function titlesOf(tx: Tx, rows: ReadonlyArray<Pick<RatingRow, 'targetType' | 'targetId'>>): Promise<Map<string, string>> {
  const visitIds = [...new Set(rows.filter((r) => r.targetType === 'visit').map((r) => r.targetId))]
  const problemIds = [...new Set(rows.filter((r) => r.targetType === 'problem').map((r) => r.targetId))]
  const [visitRows, problemRows] = await Promise.all([
    visitIds.length
      ? tx
          .select({ id: visits.id, kind: sessions.kind, date: sessions.date, stationName: stations.name })
          .from(visits)
          .innerJoin(sessions, eq(visits.sessionId, sessions.id))
          .innerJoin(stations, eq(sessions.stationId, stations.id))
          .where(inArray(visits.id, visitIds))
      : Promise.resolve([]),
    problemIds.length
      ? tx.select({ id: problems.id, number: problems.number, title: problems.title }).from(problems).where(inArray(problems.id, problemIds))
      : Promise.resolve([]),
  ])
  return new Map([
    ...visitRows.map((v) => [`visit:${v.id}`, visitTitle(v.kind, v.stationName, v.date)] as const),
    ...problemRows.map((p) => [`problem:${p.id}`, problemTitle(p.number, p.title)] as const),
  ])
}

/**
 * Which ratings a viewer may see: holders their own (ratings of a holder whose card is bound to them), handlers their
 * department's, leaders and admins all; anyone else (staff) none. Undefined means no restriction.
 */
export function ratingsVisibleTo(viewer: Viewer): SQL | undefined {
  if (has(viewer, 'admin') || has(viewer, 'leader')) return undefined
  const parts: SQL[] = []
  if (viewer.ownHolderIds.length) parts.push(inArray(ratings.holderId, viewer.ownHolderIds))
  if (has(viewer, 'handler') && viewer.caller.departmentId) parts.push(eq(ratings.departmentId, viewer.caller.departmentId))
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`
}

/** The one role the rules judge this caller by, for this rating. */
export function ratingActorFor(viewer: Viewer, row: Pick<RatingRow, 'holderId' | 'departmentId'>): RatingActor {
  const isHolder = viewer.ownHolderIds.includes(row.holderId)
  const inDepartment = has(viewer, 'handler') && row.departmentId !== null && viewer.caller.departmentId === row.departmentId
  const role: Role = has(viewer, 'admin')
    ? 'admin'
    : inDepartment
      ? 'handler'
      : isHolder && has(viewer, 'holder')
        ? 'holder'
        : has(viewer, 'leader')
          ? 'leader'
          : (viewer.caller.roles[0] ?? 'holder')
  return { role, isHolder, inDepartment }
}

export function ratingStateOf(row: RatingRow, rectification: RectificationRow | null, followUpExists: boolean): RatingState {
  return {
    kind: row.kind,
    bad: row.bad,
    appealStatus: row.appealStatus,
    rectificationStatus: rectification?.status ?? null,
    followUpExists,
  }
}

export function toRectificationView(task: RectificationRow, now: Date): RectificationView {
  return {
    status: task.status,
    returnVisitBy: task.returnVisitBy.toISOString(),
    rectifyBy: task.rectifyBy.toISOString(),
    returnVisitNote: task.returnVisitNote,
    returnVisitedAt: task.returnVisitedAt?.toISOString() ?? null,
    returnVisitOnTime: returnVisitOnTime(task),
    rectificationNote: task.rectificationNote,
    rectifiedAt: task.rectifiedAt?.toISOString() ?? null,
    rectifiedOnTime: rectifiedOnTime(task),
    overdue: missedRectificationDeadlines(task, now),
  }
}

interface Joined {
  rating: RatingRow
  departmentName: string | null
  rectification: RectificationRow | null
  holder: { name: string; contactName: string; contactPhone: string }
}

/** Ratings with department, rectification and holder; newest first. */
export async function loadRatings(tx: Tx, where: SQL | undefined, limit: number): Promise<Joined[]> {
  const rows = await tx
    .select({
      rating: ratings,
      departmentName: departments.name,
      rectification: rectifications,
      holder: { name: holders.name, contactName: holders.contactName, contactPhone: holders.contactPhone },
    })
    .from(ratings)
    .innerJoin(holders, eq(ratings.holderId, holders.id))
    .leftJoin(departments, eq(ratings.departmentId, departments.id))
    .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id))
    .where(where)
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(limit)
  return rows as Joined[]
}

const targetKey = (row: Pick<RatingRow, 'targetType' | 'targetId'>) => `${row.targetType}:${row.targetId}`

/** Views of initial ratings for this viewer, each with its follow-up beside it. */
export async function ratingViews(tx: Tx, initials: Joined[], viewer: Viewer, now: Date): Promise<RatingView[]> {
  if (initials.length === 0) return []
  const [titles, followUps] = await Promise.all([
    titlesOf(tx, initials.map((j) => j.rating)),
    loadRatings(
      tx,
      and(eq(ratings.kind, 'followUp'), inArray(ratings.targetId, [...new Set(initials.map((j) => j.rating.targetId))])),
      initials.length,
    ),
  ])
  const followUpOf = new Map(followUps.map((f) => [targetKey(f.rating), f]))
  const view = (joined: Joined, followUp: Joined | undefined): RatingView => {
    const row = joined.rating
    const state = ratingStateOf(row, joined.rectification, followUp !== undefined)
    return {
      id: row.id,
      targetType: row.targetType,
      targetId: row.targetId,
      title: titles.get(targetKey(row)) ?? '',
      kind: row.kind,
      attitude: row.attitude as RatingLevel,
      quality: row.quality as RatingLevel,
      effectiveness: row.effectiveness as RatingLevel,
      comment: row.comment,
      bad: row.bad,
      departmentId: row.departmentId,
      departmentName: joined.departmentName,
      appealStatus: row.appealStatus,
      appealReason: row.appealReason,
      appealDecisionReason: row.appealDecisionReason,
      createdAt: row.createdAt.toISOString(),
      rectification: joined.rectification ? toRectificationView(joined.rectification, now) : null,
      availableActions: availableRatingActions(ratingActorFor(viewer, row), state),
      followUp: followUp ? view(followUp, undefined) : null,
    }
  }
  return initials.map((joined) => view(joined, joined.rating.kind === 'initial' ? followUpOf.get(targetKey(joined.rating)) : undefined))
}

/** Rectification tasks as listed: the task, the holder (phone masked but for the department's handlers), the rating. */
export async function rectificationItems(tx: Tx, joined: Joined[], viewer: Viewer, now: Date): Promise<RectificationItem[]> {
  const views = await ratingViews(tx, joined, viewer, now)
  return joined.flatMap((j, i) => {
    if (!j.rectification) return []
    const seesPhone = ratingActorFor(viewer, j.rating).inDepartment
    return [
      {
        ...toRectificationView(j.rectification, now),
        ratingId: j.rating.id,
        departmentId: j.rating.departmentId,
        departmentName: j.departmentName,
        holderName: j.holder.name,
        contactName: j.holder.contactName,
        contactPhone: seesPhone ? j.holder.contactPhone : maskPhone(j.holder.contactPhone),
        rating: views[i],
      },
    ]
  })
}

/** Users with a role (optionally in a department). */
export async function usersWithRole(tx: Tx, role: Role, departmentId?: string | null): Promise<string[]> {
  if (departmentId === null) return []
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(sql`${role} = ANY(${users.roles})`, departmentId ? eq(users.departmentId, departmentId) : undefined))
  return rows.map((r) => r.id)
}

/** Who hears of a bad rating and its missed deadlines: the department's handlers and the responsible leader(s). */
export async function rectificationRecipients(tx: Tx, rating: Pick<RatingRow, 'targetType' | 'targetId' | 'departmentId'>): Promise<string[]> {
  const leaderId = await leaderOfTarget(tx, rating)
  const [handlers, leaders] = await Promise.all([
    usersWithRole(tx, 'handler', rating.departmentId),
    leaderId ? Promise.resolve([leaderId]) : usersWithRole(tx, 'leader'),
  ])
  return [...new Set([...handlers, ...leaders])]
}
