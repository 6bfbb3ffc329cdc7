import { and, eq } from 'drizzle-orm'
import { decideBooking } from '../../../src/core/booking/booking.machine'
import { canBook, checkNoOverlap } from '../../../src/core/booking/booking.rules'
import { bookingSchemas, type BookingResponses } from '../../../src/core/booking/booking.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { bookings, stations } from '../../db/schema'
import { EXCLUSION_VIOLATION, sqlState, type Tx } from '../../db/store'
import { defineAction, type SignedInContext, type ActionTable } from '../action'
import { inTransaction, retryOnDeadlock } from '../transaction'
import { enqueue, withdraw } from '../notifications/outbox'
import { createBooking } from './booking-create'
import {
  bookingActor,
  bookingSituation,
  findSlot,
  freeSeat,
  heldOverlapping,
  loadBookings,
  lockBooking,
  lockSlots,
  recordBookingEvent,
  reminderFor,
  reminderKey,
  takeSeat,
  toBookingView,
  type BookingContext,
} from './bookings.queries'

const HOLDER = ['holder'] as const

/** Locks a booking the caller may see: their own, or any for staff and admins. Others' bookings look missing. */
async function visibleBooking(tx: Tx, bookingId: string, ctx: SignedInContext): Promise<BookingContext | null> {
  const found = await lockBooking(tx, bookingId)
  if (!found) return null
  const mayLook = found.booking.userId === ctx.caller.id || ctx.caller.roles.some((r) => r === 'admin' || r === 'staff')
  return mayLook ? found : null
}

export const bookingActions = {
  create: defineAction({
    input: bookingSchemas.create,
    access: HOLDER,
    run: createBooking,
  }),

  mine: defineAction({
    input: bookingSchemas.mine,
    access: 'signedIn',
    async run({ status }, ctx): Promise<BookingResponses['mine']> {
      const rows = await loadBookings(ctx.db, and(eq(bookings.userId, ctx.caller.id), status ? eq(bookings.status, status) : undefined))
      return { items: rows.map(toBookingView) }
    },
  }),

  cancel: defineAction({
    input: bookingSchemas.cancel,
    access: 'signedIn',
    async run({ bookingId, reason }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const found = await visibleBooking(tx, bookingId, ctx)
        if (!found) return fail('NOT_FOUND', '预约不存在')
        const next = decideBooking('cancel', bookingActor(ctx.caller, found), bookingSituation(found, ctx.now, ctx.minNoticeMinutes))
        if (isFailure(next)) return next
        const [booking] = await tx
          .update(bookings)
          .set({ status: next.data, changedAt: ctx.now })
          .where(eq(bookings.id, bookingId))
          .returning()
        await freeSeat(tx, found.slot.id)
        await recordBookingEvent(tx, { bookingId, actorId: ctx.caller.id, action: 'cancel', from: found.booking.status, to: next.data, at: ctx.now, note: reason })
        await withdraw(tx, [reminderKey(bookingId, found.slot.id)])
        return toBookingView({ ...found, booking }) satisfies BookingResponses['cancel']
      })
    },
  }),

  reschedule: defineAction({
    input: bookingSchemas.reschedule,
    access: 'signedIn',
    async run({ bookingId, slotId }, ctx) {
      // A create takes no holder lock, so an overlapping one may commit after the check below: the no-overlap
      // constraint refuses the move then (or picks one of the two as a deadlock's victim, which tries again).
      const move = () => inTransaction(ctx.db, async (tx) => {
        const found = await visibleBooking(tx, bookingId, ctx)
        if (!found) return fail('NOT_FOUND', '预约不存在')
        const decided = decideBooking('reschedule', bookingActor(ctx.caller, found), bookingSituation(found, ctx.now, ctx.minNoticeMinutes))
        if (isFailure(decided)) return decided
        if (slotId === found.slot.id) return fail('INVALID_TRANSITION', '新时段与原时段相同')
        const target = await findSlot(tx, slotId)
        if (!target) return fail('NOT_FOUND', '预约时段不存在')
        const { slot, session } = target
        const open = canBook({ start: slot.startsAt, end: slot.endsAt, sessionStatus: session.status, capacity: slot.capacity, booked: slot.booked }, ctx.now)
        if (isFailure(open)) return open
        const held = await heldOverlapping(tx, found.booking.userId, slot.startsAt, slot.endsAt)
        const clash = checkNoOverlap({ start: slot.startsAt, end: slot.endsAt }, held, bookingId)
        if (isFailure(clash)) return clash
        await lockSlots(tx, [slot.id, found.slot.id])
        // The new seat first: when it is gone nothing has changed, so the old seat is never lost.
        if (!(await takeSeat(tx, slot.id))) return fail('SLOT_FULL')
        await freeSeat(tx, found.slot.id)
        const [booking] = await tx
          .update(bookings)
          .set({ slotId: slot.id, sessionId: session.id, startsAt: slot.startsAt, endsAt: slot.endsAt, changedAt: ctx.now })
          .where(eq(bookings.id, bookingId))
          .returning()
        await recordBookingEvent(tx, {
          bookingId,
          actorId: ctx.caller.id,
          action: 'reschedule',
          from: 'confirmed',
          to: 'confirmed',
          at: ctx.now,
          note: `${found.slot.startsAt.toISOString()} → ${slot.startsAt.toISOString()}`,
        })
        await withdraw(tx, [reminderKey(bookingId, found.slot.id)])
        await enqueue(tx, reminderFor(booking, session, ctx.now), ctx.now)
        const [station] = await tx.select().from(stations).where(eq(stations.id, session.stationId))
        return toBookingView({ booking, session, station }) satisfies BookingResponses['reschedule']
      })
      try {
        return await retryOnDeadlock(move)
      } catch (error) {
        if (sqlState(error) === EXCLUSION_VIOLATION) return fail('BOOKING_OVERLAP')
        throw error
      }
    },
  }),
} satisfies ActionTable
