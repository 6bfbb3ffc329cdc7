import { and, eq, ne } from 'drizzle-orm'
import { CHECK_IN_OPENS_MINUTES, decideBooking } from '../../../src/core/booking/booking.machine'
import type { BookingResponses, VisitView } from '../../../src/core/booking/booking.schema'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { bookings, holders, visits } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { SignedInContext } from '../action'
import { maskedHolder } from '../cards/cards.queries'
import type { ScannedCard } from '../cards/offline-scan'
import { workableSession } from '../stations/stations.queries'
import { inTransaction } from '../transaction'
import { bookingActor, bookingSituation, loadBookings, lockBooking, recordBookingEvent, toBookingView } from './bookings.queries'

/**
 * The station desk's use cases: checking a holder in and marking a no-show. The bookings area's actions call them,
 * and so does sync when it replays what a desk did offline (issue 14).
 */

/** Who works a desk: rostered staff, and admins anywhere. */
export const DESK_STAFF = ['staff', 'admin'] as const

export async function visitViews(tx: Tx, where: ReturnType<typeof eq>): Promise<VisitView[]> {
  const rows = await tx.select().from(visits).innerJoin(holders, eq(visits.holderId, holders.id)).where(where)
  return rows.map(({ visits: v, holders: h }) => ({
    id: v.id,
    sessionId: v.sessionId,
    bookingId: v.bookingId,
    walkIn: v.bookingId === null,
    holderId: v.holderId,
    holderName: h.name,
    checkedInAt: v.checkedInAt.toISOString(),
  }))
}

/**
 * Checks the holder of a scanned card in at `ctx.now`: their booking of the session if any, else as a walk-in. The scan
 * is the caller's: the desk's online scan, or sync's replay of one made offline (issue 14), which checks as of then.
 */
export async function checkIn(
  tx: Tx,
  ctx: SignedInContext,
  sessionId: string,
  scan: () => Promise<ScannedCard | Failure>,
): Promise<BookingResponses['checkIn'] | Failure> {
  const session = await workableSession(tx, sessionId, ctx.caller)
  if (isFailure(session)) return session
  if (session.status === 'cancelled') return fail('SESSION_CANCELLED')
  const opens = session.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000
  const isAdmin = ctx.caller.roles.includes('admin')
  // Refuse before the scan so that a token shown at the wrong time is not spent.
  if (!isAdmin && (ctx.now.getTime() < opens || ctx.now > session.endsAt)) return fail('CHECK_IN_CLOSED')
  const scanned = await scan()
  if (isFailure(scanned)) return scanned
  const [candidate] = await loadBookings(
    tx,
    and(eq(bookings.sessionId, sessionId), eq(bookings.holderId, scanned.holder.id), ne(bookings.status, 'cancelled')),
    { limit: 1 },
  )
  // Locked in the order of every booking change (its owner, then it); cancelled meanwhile, the holder walked in.
  const locked = candidate ? await lockBooking(tx, candidate.booking.id) : null
  const booked = locked && locked.booking.status !== 'cancelled' ? locked : undefined
  let bookingView = null
  if (booked && booked.booking.status !== 'checked_in') {
    const next = decideBooking('checkIn', bookingActor(ctx.caller, booked), bookingSituation(booked, ctx.now, ctx.minNoticeMinutes))
    if (isFailure(next)) return next
    const [updated] = await tx.update(bookings).set({ status: next.data, changedAt: ctx.now }).where(eq(bookings.id, booked.booking.id)).returning()
    await recordBookingEvent(tx, { bookingId: updated.id, actorId: ctx.caller.id, action: 'checkIn', from: booked.booking.status, to: next.data, at: ctx.now })
    bookingView = toBookingView({ ...booked, booking: updated })
  } else if (booked) {
    bookingView = toBookingView(booked)
  }
  // One visit per holder and session; scanning again returns the same visit, and says it was there already.
  const inserted = await tx
    .insert(visits)
    .values({
      id: ctx.newId(),
      sessionId,
      bookingId: booked?.booking.id ?? null,
      cardId: scanned.card.id,
      holderId: scanned.holder.id,
      userId: scanned.row.userId,
      checkedInBy: ctx.caller.id,
      checkedInAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: visits.id })
  const [visit] = await visitViews(tx, and(eq(visits.sessionId, sessionId), eq(visits.holderId, scanned.holder.id))!)
  const alreadyCheckedIn = inserted.length === 0
  return { visit, booking: bookingView, card: scanned.card, holder: maskedHolder(scanned.holder), alreadyCheckedIn } satisfies BookingResponses['checkIn']
}

/** Marks a booking of an ended session as a no-show. */
export async function markNoShow(ctx: SignedInContext, bookingId: string): Promise<BookingResponses['markNoShow'] | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const found = await lockBooking(tx, bookingId)
    if (!found) return fail('NOT_FOUND', '预约不存在')
    // Like the rest of the desk, only for the session's own staff (and admins).
    if (!ctx.caller.roles.includes('admin') && !found.session.staffIds.includes(ctx.caller.id)) return fail('FORBIDDEN', '您不在该场次的工作人员名单中')
    const next = decideBooking('markNoShow', bookingActor(ctx.caller, found), bookingSituation(found, ctx.now, ctx.minNoticeMinutes))
    if (isFailure(next)) return next
    const [booking] = await tx.update(bookings).set({ status: next.data, changedAt: ctx.now }).where(eq(bookings.id, bookingId)).returning()
    await recordBookingEvent(tx, { bookingId, actorId: ctx.caller.id, action: 'markNoShow', from: found.booking.status, to: next.data, at: ctx.now })
    return toBookingView({ ...found, booking }) satisfies BookingResponses['markNoShow']
  })
}
