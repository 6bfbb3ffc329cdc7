import { and, eq, gte, ne } from 'drizzle-orm'
import { addDays, minutesOfDay, shanghaiDate, shanghaiInstant } from '../../../src/core/calendar/shanghai-time'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { forumSchemas, FORUM_LIMITS, type ForumResponses, type TopicView } from '../../../src/core/forum/forum.schema'
import { checkTopicOpen, decideTopic, topicProblemDraft } from '../../../src/core/forum/forum.rules'
import type { NotificationDataMap } from '../../../src/core/notification/notification.templates'
import { bookings, departments, forums, forumTopics, sessions } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable, type SignedInContext } from '../action'
import { createBooking } from '../bookings/booking-create'
import { enqueue } from '../notifications/outbox'
import { raiseAssignedProblem } from '../problems/problem-raise'
import { createSession, stationRoster } from '../stations/stations.queries'
import { inTransaction } from '../transaction'
import { findForum, forumSlot, loadForums, loadTopics, lockForum, lockTopic, readerOf, type ForumReader } from './forums.queries'

/**
 * 政企面对面 (issue 16): the quarterly 政企座谈会 / 企业家早餐会 is a session of kind 'forum' in the booking engine, with
 * one slot as long as the meeting whose bookings are the sign-ups (so seats are exact under any concurrency, as every
 * booking's). Signed-up enterprises raise topics before it; after it an administrator settles each there or hands it
 * to the ledger as a problem of the enterprise, assigned to a department.
 */
const ADMIN = ['admin'] as const
const HOLDER = ['holder'] as const
const READERS = ['admin', 'leader', 'holder'] as const
/** How far back 座谈会 lists past meetings: their topics' outcomes stay in sight for a quarter. */
const PAST_DAYS = 92

const FORUM_MISSING = '座谈会不存在'

async function topicView(tx: Tx, reader: ForumReader, id: string): Promise<TopicView> {
  const [view] = await loadTopics(tx, reader, eq(forumTopics.id, id))
  return view
}

async function signedUp(tx: Tx, holderId: string, sessionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: bookings.id })
    .from(bookings)
    .where(and(eq(bookings.holderId, holderId), eq(bookings.sessionId, sessionId), ne(bookings.status, 'cancelled')))
    .limit(1)
  return Boolean(row)
}

/** An administrator's decision on a topic: lock it and its meeting, let the rules decide, then `apply` (not on a replay). */
async function decide(
  topicId: string,
  outcome: 'settled' | 'problem',
  ctx: SignedInContext,
  apply: (tx: Tx, topic: NonNullable<Awaited<ReturnType<typeof lockTopic>>>, forum: NonNullable<Awaited<ReturnType<typeof lockForum>>>) => Promise<Failure | null>,
): Promise<TopicView | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const topic = await lockTopic(tx, topicId)
    if (!topic) return fail('NOT_FOUND', '议题不存在')
    const forum = (await lockForum(tx, topic.sessionId))!
    const decided = decideTopic(forum, topic, outcome, ctx.now)
    if (isFailure(decided)) return decided
    if (!decided.data.replay) {
      const refused = await apply(tx, topic, forum)
      if (refused) return refused
    }
    const view = await topicView(tx, { caller: ctx.caller, holderId: null }, topicId)
    // The holder who raised it hears what became of it, once (a replay stores nothing new).
    const data: NotificationDataMap['forum.topicDecided'] = { sessionId: topic.sessionId, title: topic.title, outcome, number: view.problem?.number ?? null }
    await enqueue(tx, [{ userId: topic.authorId, template: 'forum.topicDecided', data: { ...data }, dedupeKey: `forum.topicDecided:${topicId}`, notBefore: ctx.now }], ctx.now)
    return view
  })
}

export const forumActions = {
  create: defineAction({
    input: forumSchemas.create,
    access: ADMIN,
    async run(input, ctx): Promise<ForumResponses['create'] | Failure> {
      if (shanghaiInstant(input.date, input.start) <= ctx.now) return fail('DATE_IN_PAST', '座谈会开始时间已过，不能创建')
      return inTransaction(ctx.db, async (tx) => {
        const roster = await stationRoster(tx, input)
        if (isFailure(roster)) return roster
        const minutes = minutesOfDay(input.end) - minutesOfDay(input.start)
        const id = await createSession(
          tx,
          { ...input, ...roster, kind: 'forum', slotMinutes: minutes, fixedDayId: null, createdBy: ctx.caller.id },
          ctx.newId,
        )
        if (isFailure(id)) return id
        await tx.insert(forums).values({ sessionId: id!, format: input.format, title: input.title, venue: input.venue ?? null, createdAt: ctx.now })
        return (await findForum(tx, { caller: ctx.caller, holderId: null }, id!))!
      })
    },
  }),

  list: defineAction({
    input: forumSchemas.list,
    access: READERS,
    async run(_input, ctx): Promise<ForumResponses['list']> {
      const reader = await readerOf(ctx.db, ctx.caller)
      return { items: await loadForums(ctx.db, reader, gte(sessions.date, addDays(shanghaiDate(ctx.now), -PAST_DAYS))) }
    },
  }),

  get: defineAction({
    input: forumSchemas.get,
    access: READERS,
    async run({ sessionId }, ctx): Promise<ForumResponses['get'] | Failure> {
      const reader = await readerOf(ctx.db, ctx.caller)
      const forum = await findForum(ctx.db, reader, sessionId)
      if (!forum) return fail('NOT_FOUND', FORUM_MISSING)
      return { ...forum, topics: await loadTopics(ctx.db, reader, eq(forumTopics.sessionId, sessionId)) }
    },
  }),

  /**
   * 报名: a booking of the meeting's one slot, by the booking engine (seats, retries, the card). One seat per enterprise:
   * asking again, with any key, answers the sign-up its contacts already made.
   */
  signUp: defineAction({
    input: forumSchemas.signUp,
    access: HOLDER,
    async run({ sessionId, idempotencyKey }, ctx): Promise<ForumResponses['signUp'] | Failure> {
      const reader = await readerOf(ctx.db, ctx.caller)
      if (!reader.holderId) return fail('HOLDER_CARD_REQUIRED', '请先激活服务卡再报名')
      const forum = await findForum(ctx.db, reader, sessionId)
      if (!forum) return fail('NOT_FOUND', FORUM_MISSING)
      if (forum.mySignUp) return forum
      const slotId = (await forumSlot(ctx.db, sessionId))!
      const booked = await createBooking({ slotId, topic: forum.title, idempotencyKey }, ctx)
      const again = (await findForum(ctx.db, reader, sessionId))!
      if (!isFailure(booked) || again.mySignUp) return again
      if (booked.error.code === 'SLOT_FULL') return fail('SLOT_FULL', '座谈会名额已满')
      if (booked.error.code === 'SLOT_CLOSED') return fail('SLOT_CLOSED', '座谈会已开始或已结束，不能报名')
      return booked
    },
  }),

  submitTopic: defineAction({
    input: forumSchemas.submitTopic,
    access: HOLDER,
    async run(input, ctx): Promise<ForumResponses['submitTopic'] | Failure> {
      return inTransaction(ctx.db, async (tx) => {
        const reader = await readerOf(tx, ctx.caller)
        if (!reader.holderId) return fail('HOLDER_CARD_REQUIRED', '请先激活服务卡再提交议题')
        const replay = async () => {
          const [earlier] = await tx
            .select({ id: forumTopics.id })
            .from(forumTopics)
            .where(and(eq(forumTopics.authorId, ctx.caller.id), eq(forumTopics.idempotencyKey, input.idempotencyKey)))
          return earlier ? topicView(tx, reader, earlier.id) : null
        }
        const earlier = await replay()
        if (earlier) return earlier
        const forum = await lockForum(tx, input.sessionId)
        if (!forum) return fail('NOT_FOUND', FORUM_MISSING)
        const open = checkTopicOpen(forum, await signedUp(tx, reader.holderId, forum.sessionId), ctx.now)
        if (isFailure(open)) return open
        const mine = await loadTopics(tx, reader, eq(forumTopics.sessionId, forum.sessionId))
        if (mine.length >= FORUM_LIMITS.topicsPerHolder) return fail('VALIDATION_FAILED', `每家企业每场最多提交${FORUM_LIMITS.topicsPerHolder}个议题`)
        const [stored] = await tx
          .insert(forumTopics)
          .values({
            id: ctx.newId(),
            sessionId: forum.sessionId,
            holderId: reader.holderId,
            authorId: ctx.caller.id,
            title: input.title,
            description: input.description,
            status: 'submitted',
            idempotencyKey: input.idempotencyKey,
            createdAt: ctx.now,
          })
          .onConflictDoNothing()
          .returning({ id: forumTopics.id })
        return stored ? topicView(tx, reader, stored.id) : (await replay())!
      })
    },
  }),

  settle: defineAction({
    input: forumSchemas.settle,
    access: ADMIN,
    async run({ topicId, note }, ctx): Promise<ForumResponses['settle'] | Failure> {
      return decide(topicId, 'settled', ctx, async (tx) => {
        await tx.update(forumTopics).set({ status: 'settled', note, decidedBy: ctx.caller.id, decidedAt: ctx.now }).where(eq(forumTopics.id, topicId))
        return null
      })
    },
  }),

  /** 转为诉求, once: the problem's holder is the enterprise that raised the topic, so it follows and confirms it. */
  toProblem: defineAction({
    input: forumSchemas.toProblem,
    access: ADMIN,
    async run({ topicId, departmentId, category }, ctx): Promise<ForumResponses['toProblem'] | Failure> {
      return decide(topicId, 'problem', ctx, async (tx, topic, forum) => {
        const [department] = await tx.select({ deactivatedAt: departments.deactivatedAt }).from(departments).where(eq(departments.id, departmentId))
        if (!department) return fail('VALIDATION_FAILED', '责任部门不存在，请重新选择')
        if (department.deactivatedAt) return fail('DEPARTMENT_INACTIVE')
        const draft = topicProblemDraft(forum, topic)
        const problem = await raiseAssignedProblem(
          tx,
          ctx,
          { ...draft, category, departmentId, idempotencyKey: `forum:${topic.id}` },
          { source: 'forum', holderId: topic.holderId },
        )
        await tx
          .update(forumTopics)
          .set({ status: 'problem', problemId: problem.id, decidedBy: ctx.caller.id, decidedAt: ctx.now })
          .where(eq(forumTopics.id, topicId))
        return null
      })
    },
  }),
} satisfies ActionTable
