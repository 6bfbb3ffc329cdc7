import { eq, sql } from 'drizzle-orm'
import type { BookingStatus } from '../../../src/core/booking/booking.machine'
import type { HeldBooking } from '../../../src/core/booking/booking.rules'
import { bookingEvents, bookings, cards, sessions, slots, stations } from '../../db/schema'
import { perDb, preparedSql } from '../../db/prepared'
import type { Db } from '../../db/store'
import { enqueueWhen, outboxRows, type OutboxMessage } from '../notifications/outbox'

/**
 * bookings.create in one statement and no transaction when it succeeds (issue 13: it took 13 round trips). The write
 * takes the seat and stores the booking, its event and its messages, all or nothing, guarded by the database: the
 * conditional seat update (seats left, session on, slot not begun, an active card), the unique idempotency key (a
 * retry) and the bookings_no_overlap constraint (an overlapping booking). Only a refused write reads what the booking
 * rules need to say why (bookingCreateContext).
 */

/** What never changes about a slot once created: its times and its session's day, kind and station. */
export interface SlotFacts {
  slotId: string
  startsAt: Date
  endsAt: Date
  sessionId: string
  date: string
  kind: (typeof sessions.$inferSelect)['kind']
}

const factsQuery = perDb((db) =>
  db
    .select({ slotId: slots.id, startsAt: slots.startsAt, endsAt: slots.endsAt, sessionId: sessions.id, date: sessions.date, kind: sessions.kind })
    .from(slots)
    .innerJoin(sessions, eq(slots.sessionId, sessions.id))
    .where(eq(slots.id, sql.placeholder('slotId')))
    .prepare('booking_slot_facts'),
)

/** Slot facts are immutable, so each instance keeps those it has read (bounded; the oldest go first). */
const FACTS_KEPT = 5000
const factsCache = perDb(() => new Map<string, SlotFacts>())

export async function slotFacts(db: Db, slotId: string): Promise<SlotFacts | null> {
  const cache = factsCache(db)
  const kept = cache.get(slotId)
  if (kept) return kept
  const [row] = await factsQuery(db).execute({ slotId })
  if (!row) return null
  if (cache.size >= FACTS_KEPT) cache.delete(cache.keys().next().value!)
  cache.set(slotId, row)
  return row
}

const contextQuery = perDb((db) => {
  const userId = sql.placeholder('userId')
  return db
    .select({
      slot: slots,
      session: sessions,
      existingId: sql<string | null>`(SELECT ${bookings.id} FROM ${bookings} WHERE ${bookings.userId} = ${userId} AND ${bookings.idempotencyKey} = ${sql.placeholder('idempotencyKey')})`,
      hasCard: sql<boolean>`EXISTS (SELECT 1 FROM ${cards} WHERE ${cards.userId} = ${userId} AND ${cards.status} = 'active')`,
      // Epoch milliseconds: the same numbers whichever driver parses the JSON.
      held: sql<Array<{ bookingId: string; status: BookingStatus; start: number; end: number }> | null>`(
        SELECT json_agg(json_build_object('bookingId', b.id, 'status', b.status,
                                          'start', extract(epoch FROM b.starts_at) * 1000, 'end', extract(epoch FROM b.ends_at) * 1000))
          FROM ${bookings} b
         WHERE b.user_id = ${userId} AND b.status <> 'cancelled' AND b.starts_at < ${slots.endsAt} AND b.ends_at > ${slots.startsAt})`,
    })
    .from(sql`(SELECT 1) AS one`)
    .leftJoin(slots, eq(slots.id, sql.placeholder('slotId')))
    .leftJoin(sessions, eq(slots.sessionId, sessions.id))
    .prepare('booking_create_context')
})

/**
 * Why a booking was refused, read after the fact: a booking already made with this key, whether the caller has an
 * active card, the slot and its session (null when there is no such slot), and the caller's bookings overlapping it.
 */
export async function bookingCreateContext(db: Db, input: { userId: string; slotId: string; idempotencyKey: string }) {
  const [row] = await contextQuery(db).execute(input)
  const held: HeldBooking[] = (row.held ?? []).map((b) => ({ ...b, start: new Date(b.start), end: new Date(b.end) }))
  const target = row.slot && row.session ? { slot: row.slot, session: row.session } : null
  return { existingId: row.existingId, hasCard: row.hasCard, target, held }
}

export interface NewBooking {
  id: string
  slotId: string
  sessionId: string
  userId: string
  topic: string
  problemText: string | null
  idempotencyKey: string
  startsAt: Date
  endsAt: Date
  createdAt: Date
}

type Values = Record<keyof NewBooking | 'messages', unknown>
const p = (name: keyof Values) => sql.placeholder(name)

/** Casts everywhere: parameters in a SELECT list have no type of their own. */
const store = preparedSql<
  { booked: number; holder_id: string | null; card_id: string | null; session_status: string; station_id: string; station_name: string; station_address: string },
  Values
>(
  'booking_store',
  sql`
    WITH card AS (
      SELECT id, holder_id FROM ${cards} WHERE user_id = ${p('userId')}::uuid AND status = 'active' LIMIT 1
    ), seat AS (
      UPDATE ${slots} SET booked = booked + 1
       WHERE id = ${p('slotId')}::uuid AND booked < capacity AND starts_at > ${p('createdAt')}::timestamptz
         AND EXISTS (SELECT 1 FROM ${sessions} WHERE id = ${p('sessionId')}::uuid AND status = 'scheduled')
         AND EXISTS (SELECT 1 FROM card)
      RETURNING id
    ), stored AS (
      INSERT INTO ${bookings} (id, slot_id, session_id, user_id, card_id, holder_id, status, topic, problem_text, idempotency_key, starts_at, ends_at, created_at)
      SELECT ${p('id')}::uuid, seat.id, ${p('sessionId')}::uuid, ${p('userId')}::uuid, card.id, card.holder_id, 'confirmed',
             ${p('topic')}::text, ${p('problemText')}::text, ${p('idempotencyKey')}::text, ${p('startsAt')}::timestamptz, ${p('endsAt')}::timestamptz,
             ${p('createdAt')}::timestamptz
        FROM seat, card
      RETURNING id, card_id, holder_id
    ), event AS (
      INSERT INTO ${bookingEvents} (booking_id, actor_id, action, from_status, to_status, at)
      SELECT id, ${p('userId')}::uuid, 'create', NULL, 'confirmed', ${p('createdAt')}::timestamptz FROM stored
    ), messages AS (${enqueueWhen(sql`EXISTS (SELECT 1 FROM stored)`, p('messages'), p('createdAt'))})
    SELECT (SELECT count(*) FROM stored)::int AS booked, (SELECT card_id FROM stored) AS card_id, (SELECT holder_id FROM stored) AS holder_id,
           se.status AS session_status, st.id AS station_id, st.name AS station_name, st.address AS station_address
      FROM ${sessions} se JOIN ${stations} st ON st.id = se.station_id
     WHERE se.id = ${p('sessionId')}::uuid`,
)

/**
 * Takes a seat and stores the booking with the caller's active card, its 'create' event and its messages, in one
 * statement. Answers the stored card and holder (null when the guards refused: nothing is stored) and the session's
 * status and station as the statement saw them. Throws the database's unique (a retry with the same key) or exclusion
 * (an overlapping booking) violation.
 */
export async function storeBooking(db: Db, booking: NewBooking, messages: OutboxMessage[]) {
  const [row] = await store(db, {
    ...booking,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    createdAt: booking.createdAt.toISOString(),
    messages: outboxRows(messages),
  })
  const card = row.booked === 1 && row.card_id && row.holder_id ? { cardId: row.card_id, holderId: row.holder_id } : null
  return {
    card,
    sessionStatus: row.session_status as (typeof sessions.$inferSelect)['status'],
    station: { id: row.station_id, name: row.station_name, address: row.station_address },
  }
}
