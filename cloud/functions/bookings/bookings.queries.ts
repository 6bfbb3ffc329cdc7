import { and, asc, desc, eq, gt, inArray, lt, ne, sql, type SQL } from 'drizzle-orm'
import { addDays, shanghaiInstant } from '../../../src/core/calendar/shanghai-time'
import type { BookingActor, BookingSituation } from '../../../src/core/booking/booking.machine'
import type { BookingView } from '../../../src/core/booking/booking.schema'
import type { Caller } from '../action'
import { bookingEvents, bookings, cards, sessions, slots, stations, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { OutboxMessage } from '../notifications/outbox'

type BookingRow = typeof bookings.$inferSelect
type SessionRow = typeof sessions.$inferSelect
type SlotRow = typeof slots.$inferSelect
type StationRow = typeof stations.$inferSelect

export interface BookingContext {
  booking: BookingRow
  slot: SlotRow
  session: SessionRow
  station: StationRow
}

export function toBookingView({
  booking,
  session,
  station,
}: {
  booking: BookingRow
  session: Pick<SessionRow, 'kind' | 'status'>
  station: Pick<StationRow, 'id' | 'name' | 'address'>
}): BookingView {
  return {
    id: booking.id,
    holderId: booking.holderId,
    slotId: booking.slotId,
    sessionId: booking.sessionId,
    status: booking.status,
    topic: booking.topic,
    problemText: booking.problemText,
    start: booking.startsAt.toISOString(),
    end: booking.endsAt.toISOString(),
    createdAt: booking.createdAt.toISOString(),
    changedAt: booking.changedAt?.toISOString() ?? null,
    place: {
      stationId: station.id,
      stationName: station.name,
      address: station.address,
      kind: session.kind,
      sessionStatus: session.status,
    },
  }
}

/** Bookings with their slot, session and station; `lock` takes the booking rows FOR UPDATE. */
export async function loadBookings(tx: Tx, where: SQL | undefined, options: { lock?: boolean; limit?: number } = {}) {
  const query = tx
    .select()
    .from(bookings)
    .innerJoin(slots, eq(bookings.slotId, slots.id))
    .innerJoin(sessions, eq(bookings.sessionId, sessions.id))
    .innerJoin(stations, eq(sessions.stationId, stations.id))
    .where(where)
    .orderBy(desc(bookings.startsAt))
    .limit(options.limit ?? 200)
  const rows = options.lock ? await query.for('update', { of: bookings }) : await query
  return rows.map((r): BookingContext => ({ booking: r.bookings, slot: r.slots, session: r.sessions, station: r.stations }))
}

export async function findBooking(tx: Tx, id: string, lock = false): Promise<BookingContext | null> {
  const [found] = await loadBookings(tx, eq(bookings.id, id), { lock, limit: 1 })
  return found ?? null
}

export async function findSlot(tx: Tx, slotId: string) {
  const [row] = await tx
    .select()
    .from(slots)
    .innerJoin(sessions, eq(slots.sessionId, sessions.id))
    .where(eq(slots.id, slotId))
  return row ? { slot: row.slots, session: row.sessions } : null
}

/**
 * Serialises one holder's booking changes (cancel, reschedule, check-in…): concurrent changes of the same user queue
 * behind this row lock, so their checks see each other's results. NO KEY UPDATE, not UPDATE: the key-share locks that
 * inserts take through their foreign keys to users (a booking being created, an event, a message) pass it, so a
 * create, which locks its slot first and takes no user lock (its races are guarded by constraints), cannot deadlock
 * with a change holding the user and waiting for that slot.
 */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('no key update')
}

/**
 * Locks one booking for a change, in the one order every booking change takes its locks: the owner's user row
 * (lockUser), then the booking, then slots (lockSlots, in id order). A change that held the booking first and reached
 * the user row later (an event or outbox insert takes a key-share lock on it through its foreign key) deadlocked
 * with one that went the other way (issue 12). A booking's owner never changes, so the first plain read is safe.
 */
export async function lockBooking(tx: Tx, bookingId: string): Promise<BookingContext | null> {
  const [owner] = await tx.select({ userId: bookings.userId }).from(bookings).where(eq(bookings.id, bookingId))
  if (!owner) return null
  await lockUser(tx, owner.userId)
  return findBooking(tx, bookingId, true)
}

/** Locks the owners of a session's confirmed bookings, in id order: cancelling a session takes them before its bookings. */
export async function lockSessionOwners(tx: Tx, sessionId: string): Promise<void> {
  const owners = tx.select({ id: bookings.userId }).from(bookings).where(and(eq(bookings.sessionId, sessionId), eq(bookings.status, 'confirmed')))
  await tx.select({ id: users.id }).from(users).where(inArray(users.id, owners)).orderBy(asc(users.id)).for('no key update')
}

/** Locks slots in id order, so two changes that move seats between the same slots in opposite directions queue. */
export async function lockSlots(tx: Tx, slotIds: string[]): Promise<void> {
  await tx.select({ id: slots.id }).from(slots).where(inArray(slots.id, slotIds)).orderBy(asc(slots.id)).for('update')
}

/** The holder's bookings that hold a seat and overlap [start, end). */
export async function heldOverlapping(tx: Tx, userId: string, start: Date, end: Date) {
  return tx
    .select({ bookingId: bookings.id, status: bookings.status, start: bookings.startsAt, end: bookings.endsAt })
    .from(bookings)
    .where(and(eq(bookings.userId, userId), ne(bookings.status, 'cancelled'), lt(bookings.startsAt, end), gt(bookings.endsAt, start)))
}

/** Takes a seat if one is left: one atomic conditional update, so no interleaving can overbook. */
export async function takeSeat(tx: Tx, slotId: string): Promise<boolean> {
  const taken = await tx
    .update(slots)
    .set({ booked: sql`${slots.booked} + 1` })
    .where(and(eq(slots.id, slotId), lt(slots.booked, slots.capacity)))
    .returning({ id: slots.id })
  return taken.length === 1
}

export async function freeSeat(tx: Tx, slotId: string): Promise<void> {
  await tx.update(slots).set({ booked: sql`${slots.booked} - 1` }).where(eq(slots.id, slotId))
}

export async function recordBookingEvent(
  tx: Tx,
  event: { bookingId: string; actorId: string; action: string; from: string | null; to: string; at: Date; note?: string | null },
): Promise<void> {
  await tx.insert(bookingEvents).values({
    bookingId: event.bookingId,
    actorId: event.actorId,
    action: event.action,
    fromStatus: event.from,
    toStatus: event.to,
    note: event.note ?? null,
    at: event.at,
  })
}

export async function activeCardOf(tx: Tx, userId: string) {
  const [card] = await tx
    .select({ id: cards.id, holderId: cards.holderId })
    .from(cards)
    .where(and(eq(cards.userId, userId), eq(cards.status, 'active')))
    .limit(1)
  return card ?? null
}

export const reminderKey = (bookingId: string, slotId: string) => `booking.reminder:${bookingId}:${slotId}`

/** The day-before reminder (09:00 Shanghai); none when that moment has passed, the confirmation covers it. */
export function reminderFor(booking: Pick<BookingRow, 'id' | 'userId' | 'slotId' | 'startsAt' | 'topic'>, session: Pick<SessionRow, 'id' | 'date'>, now: Date): OutboxMessage[] {
  const notBefore = shanghaiInstant(addDays(session.date, -1), '09:00')
  if (notBefore <= now) return []
  return [
    {
      userId: booking.userId,
      template: 'booking.reminder',
      data: { bookingId: booking.id, sessionId: session.id, start: booking.startsAt.toISOString(), topic: booking.topic },
      dedupeKey: reminderKey(booking.id, booking.slotId),
      notBefore,
    },
  ]
}

/** How the booking rules see the caller for one booking. */
export function bookingActor(caller: Caller, context: BookingContext): BookingActor {
  const ownsBooking = context.booking.userId === caller.id
  const role = caller.roles.includes('admin')
    ? 'admin'
    : caller.roles.includes('staff') && !ownsBooking
      ? 'staff'
      : 'holder'
  return { role, ownsBooking, rosteredOnSession: context.session.staffIds.includes(caller.id) }
}

export function bookingSituation(context: Pick<BookingContext, 'booking' | 'slot' | 'session'>, now: Date, minNoticeMinutes: number): BookingSituation {
  return {
    status: context.booking.status,
    slot: { start: context.slot.startsAt, end: context.slot.endsAt, sessionStatus: context.session.status },
    session: { start: context.session.startsAt, end: context.session.endsAt },
    now,
    minNoticeMinutes,
  }
}

