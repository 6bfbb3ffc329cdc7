import { eq, sql } from 'drizzle-orm'
import type { BookingStatus } from '../../../src/core/booking/booking.machine'
import type { HeldBooking } from '../../../src/core/booking/booking.rules'
import { bookingEvents, bookings, cards, sessions, slots, stations } from '../../db/schema'
import { perDb, preparedSql } from '../../db/prepared'
import type { Db } from '../../db/store'
import { enqueueWhen, outboxRows, type OutboxMessage } from '../notifications/outbox'

/**
 * bookings.create in two statements and no transaction (issue 13: it took 13 round trips). One read gathers all the
 * rules need; one write takes the seat and stores the booking, its event and its messages, all or nothing. What the
 * read cannot see, the database guards: the conditional seat update (no overbooking), the unique idempotency key (a
 * racing retry) and the bookings_no_overlap constraint (two overlapping bookings racing).
 */

/** The read, prepared once per database so its SQL is built once and PostgreSQL plans it once per connection. */
const contextQuery = perDb((db) => {
  const userId = sql.placeholder('userId')
  return db
    .select({
      slot: slots,
      session: sessions,
      station: stations,
      existingId: sql<string | null>`(SELECT ${bookings.id} FROM ${bookings} WHERE ${bookings.userId} = ${userId} AND ${bookings.idempotencyKey} = ${sql.placeholder('idempotencyKey')})`,
      cardId: sql<string | null>`(SELECT ${cards.id} FROM ${cards} WHERE ${cards.userId} = ${userId} AND ${cards.status} = 'active' LIMIT 1)`,
      holderId: sql<string | null>`(SELECT ${cards.holderId} FROM ${cards} WHERE ${cards.userId} = ${userId} AND ${cards.status} = 'active' LIMIT 1)`,
      // Epoch milliseconds: the same numbers whichever driver parses the JSON.
      held: sql<Array<{ bookingId: string; status: BookingStatus; start: number; end: number }> | null>`(
        SELECT json_agg(json_build_object('bookingId', b.id, 'status', b.status,
                                          'start', extract(epoch FROM b.starts_at) * 1000, 'end', extract(epoch FROM b.ends_at) * 1000))
          FROM ${bookings} b
         WHERE b.user_id = ${userId} AND b.status <> 'cancelled' AND b.starts_at < ${slots.endsAt} AND b.ends_at > ${slots.startsAt})`,
    })
    .from(slots)
    .innerJoin(sessions, eq(slots.sessionId, sessions.id))
    .innerJoin(stations, eq(sessions.stationId, stations.id))
    .where(eq(slots.id, sql.placeholder('slotId')))
    .prepare('booking_create_context')
})

/** The slot with its session and station, the caller's active card, a booking made with this key, and the caller's bookings overlapping the slot. */
export async function bookingCreateContext(db: Db, input: { userId: string; slotId: string; idempotencyKey: string }) {
  const [row] = await contextQuery(db).execute(input)
  if (!row) return null
  const held: HeldBooking[] = (row.held ?? []).map((b) => ({ ...b, start: new Date(b.start), end: new Date(b.end) }))
  const card = row.cardId && row.holderId ? { id: row.cardId, holderId: row.holderId } : null
  return { slot: row.slot, session: row.session, station: row.station, existingId: row.existingId, card, held }
}

const p = (name: keyof NewBooking | 'messages') => sql.placeholder(name)

/** Casts everywhere: parameters in a SELECT list have no type of their own. */
const store = preparedSql<{ booked: number; session_status: string | null }, Record<keyof NewBooking | 'messages', unknown>>(
  'booking_store',
  sql`
    WITH seat AS (
      UPDATE ${slots} SET booked = booked + 1
       WHERE id = ${p('slotId')}::uuid AND booked < capacity
         AND EXISTS (SELECT 1 FROM ${sessions} WHERE id = ${p('sessionId')}::uuid AND status = 'scheduled')
      RETURNING id
    ), stored AS (
      INSERT INTO ${bookings} (id, slot_id, session_id, user_id, card_id, holder_id, status, topic, problem_text, idempotency_key, starts_at, ends_at, created_at)
      SELECT ${p('id')}::uuid, seat.id, ${p('sessionId')}::uuid, ${p('userId')}::uuid, ${p('cardId')}::uuid, ${p('holderId')}::uuid, 'confirmed',
             ${p('topic')}::text, ${p('problemText')}::text, ${p('idempotencyKey')}::text, ${p('startsAt')}::timestamptz, ${p('endsAt')}::timestamptz,
             ${p('createdAt')}::timestamptz
        FROM seat
      RETURNING id
    ), event AS (
      INSERT INTO ${bookingEvents} (booking_id, actor_id, action, from_status, to_status, at)
      SELECT id, ${p('userId')}::uuid, 'create', NULL, 'confirmed', ${p('createdAt')}::timestamptz FROM stored
    ), messages AS (${enqueueWhen(sql`EXISTS (SELECT 1 FROM stored)`, p('messages'), p('createdAt'))})
    SELECT (SELECT count(*) FROM stored)::int AS booked, (SELECT status FROM ${sessions} WHERE id = ${p('sessionId')}::uuid) AS session_status`,
)

/**
 * Takes a seat and stores the booking, its 'create' event and its messages, in one statement. Answers whether a seat
 * was taken (none left, or the session was cancelled meanwhile: nothing is stored) and the session's status as the
 * statement saw it. Throws the database's unique (a racing retry) or exclusion (an overlapping booking) violation.
 */
export async function storeBooking(db: Db, booking: NewBooking, messages: OutboxMessage[]): Promise<{ booked: boolean; sessionStatus: string | null }> {
  const [row] = await store(db, {
    ...booking,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    createdAt: booking.createdAt.toISOString(),
    messages: outboxRows(messages),
  })
  return { booked: row.booked === 1, sessionStatus: row.session_status }
}

export interface NewBooking {
  id: string
  slotId: string
  sessionId: string
  userId: string
  cardId: string
  holderId: string
  topic: string
  problemText: string | null
  idempotencyKey: string
  startsAt: Date
  endsAt: Date
  createdAt: Date
}
