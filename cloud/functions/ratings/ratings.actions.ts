import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../../src/core/auth/roles'
import { sentence } from '../../../src/core/common/punctuation'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { RATING_DIMENSION_LABELS, RATING_DIMENSIONS, type RatingScores } from '../../../src/core/rating/rating.levels'
import { decideReturnVisit, decideRectify } from '../../../src/core/rating/rating.rectification'
import { decideAppeal, decideAppealDecision, decideFollowUp, decideSubmit, SERVED_PROBLEM_STATUSES } from '../../../src/core/rating/rating.rules'
import { ratingSchemas, type PendingRatingView, type RatingResponses, type RectificationItem } from '../../../src/core/rating/rating.schema'
import { scoresByDepartment, scoresByStaff, type ScoredRating } from '../../../src/core/rating/rating.scores'
import { departments, problems, ratingEvents, ratings, rectifications, sessions, stations, users, visits } from '../../db/schema'
import { sqlState, UNIQUE_VIOLATION, type Tx } from '../../db/store'
import { defineAction, type ActionTable, type SignedInContext } from '../action'
import { inTransaction } from '../transaction'
import { viewerOf, type Viewer } from '../problems/problems.queries'
import { noticeAppeal, noticeAppealDecision, noticeBadRating } from './rating-notices'
import {
  loadRatings,
  loadTarget,
  problemTitle,
  ratingActorFor,
  ratingStateOf,
  ratingsVisibleTo,
  ratingViews,
  rectificationItems,
  visitTitle,
  type RatingRow,
  type RectificationRow,
} from './ratings.queries'

/** Only holders rate; only handlers work rectifications and appeal; only admins decide appeals. Staff see nothing. */
const HOLDER = ['holder'] as const
const DEPARTMENT = ['handler'] as const
const ADMIN = ['admin'] as const
const OVERSEERS = ['handler', 'leader', 'admin'] as const
const LIST_LIMIT = 500

const has = (viewer: Viewer, role: Role) => viewer.caller.roles.includes(role)

/** 一次一评 held by the database: the unique index ratings_once refused a second rating of the same kind. */
function isRatingsOnceViolation(error: unknown): boolean {
  if (sqlState(error) !== UNIQUE_VIOLATION) return false
  for (let e = error as { constraint?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.constraint === 'string') return e.constraint === 'ratings_once'
  }
  return true
}

/** Runs a use case that inserts a rating; the loser of two simultaneous submissions answers ALREADY_RATED. */
async function once<T>(work: () => Promise<T>, message?: string): Promise<T | Failure> {
  try {
    return await work()
  } catch (error) {
    if (isRatingsOnceViolation(error)) return fail('ALREADY_RATED', message)
    throw error
  }
}

const levelsNote = (scores: RatingScores, comment?: string) =>
  sentence([RATING_DIMENSIONS.map((d) => `${RATING_DIMENSION_LABELS[d]}${scores[d]}`).join('，'), comment ?? ''])

type RatedSubject = Pick<RatingRow, 'targetType' | 'targetId' | 'holderId' | 'departmentId' | 'staffId'>

/** A rating (first or follow-up) of the subject by the caller, as the core decided its kind, badness and month. */
async function insertRating(
  tx: Tx,
  ctx: SignedInContext,
  id: string,
  subject: RatedSubject,
  decided: Pick<RatingRow, 'kind' | 'bad' | 'month'>,
  input: RatingScores & { comment?: string },
): Promise<RatingRow> {
  const [row] = await tx
    .insert(ratings)
    .values({
      id,
      targetType: subject.targetType,
      targetId: subject.targetId,
      kind: decided.kind,
      holderId: subject.holderId,
      userId: ctx.caller.id,
      departmentId: subject.departmentId,
      staffId: subject.staffId,
      attitude: input.attitude,
      quality: input.quality,
      effectiveness: input.effectiveness,
      comment: input.comment ?? null,
      bad: decided.bad,
      month: decided.month,
      createdAt: ctx.now,
    })
    .returning()
  return row
}

async function recordEvent(tx: Tx, ctx: SignedInContext, ratingId: string, actorRole: string, action: string, note: string | null) {
  await tx.insert(ratingEvents).values({ ratingId, actorId: ctx.caller.id, actorRole, action, note, at: ctx.now })
}

interface Locked {
  row: RatingRow
  rectification: RectificationRow | null
  followUpExists: boolean
}

/** The rating named by an action, locked with its task, if the caller may see it (else NOT_FOUND: nothing leaks). */
async function lockRating(tx: Tx, ratingId: string, viewer: Viewer): Promise<Locked | Failure> {
  const [row] = await tx.select().from(ratings).where(and(eq(ratings.id, ratingId), ratingsVisibleTo(viewer))).for('update')
  if (!row) return fail('NOT_FOUND', '评价不存在')
  const [rectification] = await tx.select().from(rectifications).where(eq(rectifications.ratingId, ratingId)).for('update')
  const [followUp] =
    row.kind === 'initial'
      ? await tx
          .select({ id: ratings.id })
          .from(ratings)
          .where(and(eq(ratings.targetType, row.targetType), eq(ratings.targetId, row.targetId), eq(ratings.kind, 'followUp')))
      : []
  return { row, rectification: rectification ?? null, followUpExists: followUp !== undefined }
}

async function itemOf(tx: Tx, ratingId: string, viewer: Viewer, now: Date): Promise<RectificationItem | Failure> {
  const [item] = await rectificationItems(tx, await loadRatings(tx, eq(ratings.id, ratingId), 1), viewer, now)
  return item ?? fail('NOT_FOUND', '该评价没有整改任务')
}

async function ratingViewOf(tx: Tx, ratingId: string, viewer: Viewer, now: Date) {
  const [view] = await ratingViews(tx, await loadRatings(tx, eq(ratings.id, ratingId), 1), viewer, now)
  return view
}

/** 回访 and 整改反馈: the department's handler records each step once, in order, with a note. */
function rectificationStep(step: 'recordReturnVisit' | 'rectify') {
  return defineAction({
    input: ratingSchemas[step],
    access: DEPARTMENT,
    async run({ ratingId, note }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const viewer = await viewerOf(tx, ctx.caller)
        const locked = await lockRating(tx, ratingId, viewer)
        if (isFailure(locked)) return locked
        if (!locked.rectification) return fail('NOT_FOUND', '该评价没有整改任务')
        const actor = ratingActorFor(viewer, locked.row)
        const situation = { actor, task: locked.rectification, note, now: ctx.now }
        const patch: Partial<RectificationRow> = {}
        if (step === 'recordReturnVisit') {
          const decision = decideReturnVisit(situation)
          if (isFailure(decision)) return decision
          Object.assign(patch, { status: decision.data.status, returnVisitNote: note, returnVisitedAt: decision.data.returnVisitedAt, returnVisitedBy: ctx.caller.id })
        } else {
          const decision = decideRectify(situation)
          if (isFailure(decision)) return decision
          Object.assign(patch, { status: decision.data.status, rectificationNote: note, rectifiedAt: decision.data.rectifiedAt, rectifiedBy: ctx.caller.id })
        }
        await tx
          .update(rectifications)
          .set({ ...patch, updatedAt: ctx.now })
          .where(and(eq(rectifications.ratingId, ratingId), eq(rectifications.status, locked.rectification.status)))
        await recordEvent(tx, ctx, ratingId, actor.role, step, note)
        return (await itemOf(tx, ratingId, viewer, ctx.now)) as RatingResponses[typeof step] | Failure
      })
    },
  })
}

export const ratingActions = {
  pending: defineAction({
    input: ratingSchemas.pending,
    access: HOLDER,
    async run(_input, ctx): Promise<RatingResponses['pending']> {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      if (viewer.ownHolderIds.length === 0) return { items: [] }
      const unrated = (type: 'visit' | 'problem', id: SQL | typeof visits.id | typeof problems.id) =>
        sql`NOT EXISTS (SELECT 1 FROM ${ratings} WHERE ${ratings.targetType} = ${type} AND ${ratings.targetId} = ${id} AND ${ratings.kind} = 'initial')`
      const [visitRows, problemRows] = await Promise.all([
        ctx.db
          .select({ id: visits.id, checkedInAt: visits.checkedInAt, kind: sessions.kind, date: sessions.date, stationName: stations.name })
          .from(visits)
          .innerJoin(sessions, eq(visits.sessionId, sessions.id))
          .innerJoin(stations, eq(sessions.stationId, stations.id))
          .where(and(inArray(visits.holderId, viewer.ownHolderIds), unrated('visit', visits.id)))
          .orderBy(desc(visits.checkedInAt))
          .limit(LIST_LIMIT),
        ctx.db
          .select({ id: problems.id, number: problems.number, title: problems.title, resolvedAt: problems.resolvedAt, closedAt: problems.closedAt, updatedAt: problems.updatedAt })
          .from(problems)
          .where(and(inArray(problems.holderId, viewer.ownHolderIds), inArray(problems.status, [...SERVED_PROBLEM_STATUSES]), unrated('problem', problems.id)))
          .orderBy(desc(problems.updatedAt))
          .limit(LIST_LIMIT),
      ])
      const items: PendingRatingView[] = [
        ...visitRows.map((v) => ({ targetType: 'visit' as const, targetId: v.id, title: visitTitle(v.kind, v.stationName, v.date), servedAt: v.checkedInAt.toISOString() })),
        ...problemRows.map((p) => ({
          targetType: 'problem' as const,
          targetId: p.id,
          title: problemTitle(p.number, p.title),
          servedAt: (p.resolvedAt ?? p.closedAt ?? p.updatedAt).toISOString(),
        })),
      ]
      return { items: items.sort((a, b) => b.servedAt.localeCompare(a.servedAt)) }
    },
  }),

  mine: defineAction({
    input: ratingSchemas.mine,
    access: HOLDER,
    async run(_input, ctx): Promise<RatingResponses['mine']> {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      if (viewer.ownHolderIds.length === 0) return { items: [] }
      const rows = await loadRatings(ctx.db, and(inArray(ratings.holderId, viewer.ownHolderIds), eq(ratings.kind, 'initial')), LIST_LIMIT)
      return { items: await ratingViews(ctx.db, rows, viewer, ctx.now) }
    },
  }),

  submit: defineAction({
    input: ratingSchemas.submit,
    access: HOLDER,
    async run(input, ctx) {
      return once(() =>
        inTransaction(ctx.db, async (tx) => {
          const viewer = await viewerOf(tx, ctx.caller)
          const target = await loadTarget(tx, input.targetType, input.targetId)
          const notFound = fail('NOT_FOUND', input.targetType === 'visit' ? '服务记录不存在' : '诉求不存在')
          if (!target) return notFound
          const isHolder = viewer.ownHolderIds.includes(target.holderId)
          // As problems.get: somebody else's visit or problem does not exist for the caller, word for word as an
          // unknown id, so the answer tells nobody which ids exist.
          if (!isHolder) return notFound
          const [existing] = await tx
            .select({ id: ratings.id })
            .from(ratings)
            .where(and(eq(ratings.targetType, target.targetType), eq(ratings.targetId, target.targetId), eq(ratings.kind, 'initial')))
          const draft = decideSubmit({ actor: { role: 'holder', isHolder }, target: target.rated, initialExists: !!existing, scores: input, now: ctx.now, calendar: ctx.calendar })
          if (isFailure(draft)) return draft
          const id = ctx.newId()
          const row = await insertRating(tx, ctx, id, target, draft.data, input)
          await recordEvent(tx, ctx, id, 'holder', 'submit', levelsNote(input, input.comment))
          const task = draft.data.rectification
          if (task) {
            await tx.insert(rectifications).values({
              ratingId: id,
              departmentId: target.departmentId,
              status: task.status,
              returnVisitBy: task.returnVisitBy,
              rectifyBy: task.rectifyBy,
              createdAt: ctx.now,
              updatedAt: ctx.now,
            })
            await noticeBadRating(tx, row, task, ctx.now)
          }
          return (await ratingViewOf(tx, id, viewer, ctx.now)) satisfies RatingResponses['submit']
        }),
      )
    },
  }),

  followUp: defineAction({
    input: ratingSchemas.followUp,
    access: HOLDER,
    async run(input, ctx) {
      return once(
        () =>
          inTransaction(ctx.db, async (tx) => {
            const viewer = await viewerOf(tx, ctx.caller)
            const locked = await lockRating(tx, input.ratingId, viewer)
            if (isFailure(locked)) return locked
            const { row } = locked
            const actor = ratingActorFor(viewer, row)
            const draft = decideFollowUp({ actor, rating: ratingStateOf(row, locked.rectification, locked.followUpExists), scores: input, now: ctx.now })
            if (isFailure(draft)) return draft
            const id = ctx.newId()
            await insertRating(tx, ctx, id, row, draft.data, input)
            const note = levelsNote(input, input.comment)
            await recordEvent(tx, ctx, id, 'holder', 'submit', note)
            await recordEvent(tx, ctx, row.id, 'holder', 'followUp', note)
            return (await ratingViewOf(tx, row.id, viewer, ctx.now)) satisfies RatingResponses['followUp']
          }),
        '您已追评过，不能重复追评',
      )
    },
  }),

  rectifications: defineAction({
    input: ratingSchemas.rectifications,
    access: OVERSEERS,
    async run({ status, appeal }, ctx): Promise<RatingResponses['rectifications']> {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      const rows = await loadRatings(
        ctx.db,
        and(
          sql`${rectifications.ratingId} IS NOT NULL`,
          status ? eq(rectifications.status, status) : undefined,
          appeal ? eq(ratings.appealStatus, appeal) : undefined,
          ratingsVisibleTo(viewer),
        ),
        LIST_LIMIT,
      )
      return { items: await rectificationItems(ctx.db, rows, viewer, ctx.now) }
    },
  }),

  recordReturnVisit: rectificationStep('recordReturnVisit'),
  rectify: rectificationStep('rectify'),

  appeal: defineAction({
    input: ratingSchemas.appeal,
    access: DEPARTMENT,
    async run({ ratingId, reason }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const viewer = await viewerOf(tx, ctx.caller)
        const locked = await lockRating(tx, ratingId, viewer)
        if (isFailure(locked)) return locked
        const actor = ratingActorFor(viewer, locked.row)
        const decision = decideAppeal({ actor, rating: ratingStateOf(locked.row, locked.rectification, locked.followUpExists), reason })
        if (isFailure(decision)) return decision
        await tx
          .update(ratings)
          .set({ appealStatus: decision.data.appealStatus, appealReason: reason, appealedBy: ctx.caller.id, appealedAt: ctx.now })
          .where(and(eq(ratings.id, ratingId), eq(ratings.appealStatus, 'none')))
        await recordEvent(tx, ctx, ratingId, actor.role, 'appeal', reason)
        await noticeAppeal(tx, locked.row, reason, ctx.now)
        return (await itemOf(tx, ratingId, viewer, ctx.now)) as RatingResponses['appeal'] | Failure
      })
    },
  }),

  decideAppeal: defineAction({
    input: ratingSchemas.decideAppeal,
    access: ADMIN,
    async run({ ratingId, uphold, reason }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const viewer = await viewerOf(tx, ctx.caller)
        const locked = await lockRating(tx, ratingId, viewer)
        if (isFailure(locked)) return locked
        const actor = ratingActorFor(viewer, locked.row)
        const decision = decideAppealDecision({ actor, rating: ratingStateOf(locked.row, locked.rectification, locked.followUpExists), uphold, reason })
        if (isFailure(decision)) return decision
        await tx
          .update(ratings)
          .set({ appealStatus: decision.data.appealStatus, appealDecisionReason: reason, appealDecidedBy: ctx.caller.id, appealDecidedAt: ctx.now })
          .where(and(eq(ratings.id, ratingId), eq(ratings.appealStatus, 'pending')))
        const task = locked.rectification
        const withdrawn = task !== null && decision.data.rectificationStatus !== null && decision.data.rectificationStatus !== task.status
        if (withdrawn) {
          await tx
            .update(rectifications)
            .set({ status: decision.data.rectificationStatus!, updatedAt: ctx.now })
            .where(and(eq(rectifications.ratingId, ratingId), eq(rectifications.status, task.status)))
        }
        const verdict = uphold ? '申诉未采纳，评价有效' : `申诉成立，评价核销${withdrawn ? '，整改任务撤销' : ''}`
        await recordEvent(tx, ctx, ratingId, actor.role, uphold ? 'upholdRating' : 'removeRating', `${verdict}：${reason}`)
        await noticeAppealDecision(tx, locked.row, { outcome: uphold ? 'upheld' : 'removed', reason, taskWithdrawn: withdrawn }, ctx.now)
        return (await itemOf(tx, ratingId, viewer, ctx.now)) as RatingResponses['decideAppeal'] | Failure
      })
    },
  }),

  scores: defineAction({
    input: ratingSchemas.scores,
    access: OVERSEERS,
    async run({ month, departmentId: asked }, ctx) {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      let departmentId = asked
      if (!has(viewer, 'leader') && !has(viewer, 'admin')) {
        // A handler sees their own department's scores only.
        const own = ctx.caller.departmentId
        if (!own || (asked && asked !== own)) return fail('FORBIDDEN', '只能查看本部门的评价统计')
        departmentId = own
      }
      const rows = await ctx.db
        .select({
          kind: ratings.kind,
          appealStatus: ratings.appealStatus,
          attitude: ratings.attitude,
          quality: ratings.quality,
          effectiveness: ratings.effectiveness,
          departmentId: ratings.departmentId,
          staffId: ratings.staffId,
          rectificationStatus: rectifications.status,
          rectifyBy: rectifications.rectifyBy,
          rectifiedAt: rectifications.rectifiedAt,
        })
        .from(ratings)
        .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id))
        .where(and(eq(ratings.month, month), departmentId ? eq(ratings.departmentId, departmentId) : undefined))
        .orderBy(asc(ratings.createdAt), asc(ratings.id))
      const scored: ScoredRating[] = rows.map((r) => ({
        kind: r.kind,
        appealStatus: r.appealStatus,
        attitude: r.attitude,
        quality: r.quality,
        effectiveness: r.effectiveness,
        departmentId: r.departmentId,
        staffId: r.staffId,
        rectification: r.rectificationStatus && r.rectifyBy ? { status: r.rectificationStatus, rectifyBy: r.rectifyBy, rectifiedAt: r.rectifiedAt } : null,
      }))
      const byDepartment = scoresByDepartment(scored)
      const byStaff = scoresByStaff(scored)
      const [departmentRows, staffRows] = await Promise.all([
        byDepartment.length
          ? ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, byDepartment.map((d) => d.departmentId)))
          : Promise.resolve([]),
        byStaff.length
          ? ctx.db.select({ id: users.id, name: users.name, departmentId: users.departmentId }).from(users).where(inArray(users.id, byStaff.map((s) => s.staffId)))
          : Promise.resolve([]),
      ])
      const departmentOf = new Map(departmentRows.map((d) => [d.id, d]))
      const staffOf = new Map(staffRows.map((s) => [s.id, s]))
      const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN')
      return {
        month,
        departments: byDepartment.map((d) => ({ ...d, name: departmentOf.get(d.departmentId)?.name ?? '' })).sort(byName),
        staff: byStaff
          .map((s) => ({ ...s, name: staffOf.get(s.staffId)?.name ?? '', departmentId: staffOf.get(s.staffId)?.departmentId ?? null }))
          .sort(byName),
      } satisfies RatingResponses['scores']
    },
  }),
} satisfies ActionTable
