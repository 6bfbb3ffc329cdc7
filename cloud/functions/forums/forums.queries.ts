import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm'
import type { ForumView, TopicView } from '../../../src/core/forum/forum.schema'
import { bookings, cards, forums, forumTopics, holders, problems, sessions, slots, stations } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Caller } from '../action'

/** Who reads the forum: a holder sees their own enterprise's sign-up and topics; administrators and leaders all. */
export interface ForumReader {
  caller: Caller
  /** The caller's enterprise (an active card), or null. */
  holderId: string | null
}

export const seesAllTopics = (caller: Caller) => caller.roles.some((r) => r === 'admin' || r === 'leader')

export async function readerOf(tx: Tx, caller: Caller): Promise<ForumReader> {
  if (!caller.roles.includes('holder')) return { caller, holderId: null }
  const [card] = await tx
    .select({ holderId: cards.holderId })
    .from(cards)
    .where(and(eq(cards.userId, caller.id), eq(cards.status, 'active')))
    .limit(1)
  return { caller, holderId: card?.holderId ?? null }
}

/** The topics a reader may see: all of them, their enterprise's, or none. */
function visibleTopics(reader: ForumReader): SQL {
  if (seesAllTopics(reader.caller)) return sql`true`
  return reader.holderId ? eq(forumTopics.holderId, reader.holderId) : sql`false`
}

/** Forums with their station, seats and the reader's sign-up and topic count, in date order. */
export async function loadForums(tx: Tx, reader: ForumReader, where: SQL | undefined): Promise<ForumView[]> {
  const rows = await tx
    .select({
      forum: forums,
      session: sessions,
      station: { id: stations.id, name: stations.name, address: stations.address },
      capacity: sql<number>`(SELECT coalesce(sum(${slots.capacity}), 0)::int FROM ${slots} WHERE ${slots.sessionId} = ${sessions.id})`,
      signedUp: sql<number>`(SELECT coalesce(sum(${slots.booked}), 0)::int FROM ${slots} WHERE ${slots.sessionId} = ${sessions.id})`,
      topicCount: sql<number>`(SELECT count(*)::int FROM ${forumTopics} WHERE ${forumTopics.sessionId} = ${sessions.id} AND ${visibleTopics(reader)})`,
    })
    .from(forums)
    .innerJoin(sessions, eq(sessions.id, forums.sessionId))
    .innerJoin(stations, eq(stations.id, sessions.stationId))
    .where(where)
    .orderBy(asc(sessions.startsAt))
    .limit(100)
  const signUps = reader.holderId && rows.length ? await signUpsOf(tx, reader.holderId, rows.map((r) => r.session.id)) : new Map<string, ForumView['mySignUp']>()
  return rows.map((r) => ({
    sessionId: r.session.id,
    format: r.forum.format,
    title: r.forum.title,
    venue: r.forum.venue,
    station: r.station,
    date: r.session.date,
    start: r.session.startsAt.toISOString(),
    end: r.session.endsAt.toISOString(),
    status: r.session.status,
    cancelReason: r.session.cancelReason,
    capacity: r.capacity,
    signedUp: r.signedUp,
    mySignUp: signUps.get(r.session.id) ?? null,
    topicCount: r.topicCount,
  }))
}

/** The enterprise's sign-ups (bookings not cancelled) of these meetings, whichever of its contacts made them. */
async function signUpsOf(tx: Tx, holderId: string, sessionIds: string[]): Promise<Map<string, ForumView['mySignUp']>> {
  const rows = await tx
    .select({ sessionId: bookings.sessionId, bookingId: bookings.id, status: bookings.status })
    .from(bookings)
    .where(and(eq(bookings.holderId, holderId), inArray(bookings.sessionId, sessionIds), ne(bookings.status, 'cancelled')))
  return new Map(rows.map((r) => [r.sessionId, { bookingId: r.bookingId, status: r.status }]))
}

export async function findForum(tx: Tx, reader: ForumReader, sessionId: string): Promise<ForumView | null> {
  const [view] = await loadForums(tx, reader, eq(forums.sessionId, sessionId))
  return view ?? null
}

type TopicRow = typeof forumTopics.$inferSelect

export function toTopicView(row: TopicRow, problem: { id: string; number: string } | null, holderName: string | null): TopicView {
  return {
    id: row.id,
    sessionId: row.sessionId,
    title: row.title,
    description: row.description,
    status: row.status,
    note: row.note,
    problem,
    holderName,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  }
}

/** Topics the reader may see, of one meeting or one topic, oldest first; the enterprise's name only for the district. */
export async function loadTopics(tx: Tx, reader: ForumReader, where: SQL): Promise<TopicView[]> {
  const rows = await tx
    .select({ topic: forumTopics, problem: { id: problems.id, number: problems.number }, holderName: holders.name })
    .from(forumTopics)
    .innerJoin(holders, eq(holders.id, forumTopics.holderId))
    .leftJoin(problems, eq(problems.id, forumTopics.problemId))
    .where(and(where, visibleTopics(reader)))
    .orderBy(asc(forumTopics.createdAt), asc(forumTopics.id))
  const district = seesAllTopics(reader.caller)
  return rows.map((r) => toTopicView(r.topic, r.problem, district ? r.holderName : null))
}

/** The forum's session as the rules read it, locked, with its title and format. */
export async function lockForum(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select({ sessionId: sessions.id, status: sessions.status, startsAt: sessions.startsAt, date: sessions.date, format: forums.format, title: forums.title })
    .from(forums)
    .innerJoin(sessions, eq(sessions.id, forums.sessionId))
    .where(eq(forums.sessionId, sessionId))
    .for('update', { of: sessions })
  return row ?? null
}

export async function lockTopic(tx: Tx, topicId: string): Promise<TopicRow | null> {
  const [row] = await tx.select().from(forumTopics).where(eq(forumTopics.id, topicId)).for('update')
  return row ?? null
}

/** The forum's one slot: a sign-up is a booking of it. */
export async function forumSlot(tx: Tx, sessionId: string): Promise<string | null> {
  const [slot] = await tx.select({ id: slots.id }).from(slots).where(eq(slots.sessionId, sessionId)).limit(1)
  return slot?.id ?? null
}
