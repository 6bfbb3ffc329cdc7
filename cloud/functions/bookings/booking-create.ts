import { and, eq } from 'drizzle-orm'
import { canBook, checkNoOverlap } from '../../../src/core/booking/booking.rules'
import type { z } from 'zod'
import type { bookingSchemas, BookingResponses } from '../../../src/core/booking/booking.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { bookings } from '../../db/schema'
import { EXCLUSION_VIOLATION, sqlState, UNIQUE_VIOLATION } from '../../db/store'
import type { SignedInContext } from '../action'
import { retryOnDeadlock } from '../transaction'
import { bookingCreateContext, slotFacts, storeBooking } from './booking-create.queries'
import { loadBookings, reminderFor, toBookingView } from './bookings.queries'

/**
 * bookings.create: one guarded write when it succeeds (see booking-create.queries.ts); a retry gets the booking its
 * key made; a refusal is explained by the booking rules from a read made after the fact.
 */
export async function createBooking(input: z.output<typeof bookingSchemas.create>, ctx: SignedInContext) {
  const key = { userId: ctx.caller.id, idempotencyKey: input.idempotencyKey }
  const replay = async () => {
    const [existing] = await loadBookings(ctx.db, and(eq(bookings.userId, key.userId), eq(bookings.idempotencyKey, key.idempotencyKey)), { limit: 1 })
    return existing ? (toBookingView(existing) satisfies BookingResponses['create']) : null
  }
  /** Why the write stored nothing, in the order the rules ask: a retry, the card, the slot, the overlap, the seats. */
  const refusal = async () => {
    const found = await bookingCreateContext(ctx.db, { ...key, slotId: input.slotId })
    if (found.existingId) return (await replay())!
    if (!found.hasCard) return fail('HOLDER_CARD_REQUIRED')
    if (!found.target) return fail('NOT_FOUND', '预约时段不存在')
    const { slot, session } = found.target
    const open = canBook({ start: slot.startsAt, end: slot.endsAt, sessionStatus: session.status, capacity: slot.capacity, booked: slot.booked }, ctx.now)
    if (isFailure(open)) return open
    const clash = checkNoOverlap({ start: slot.startsAt, end: slot.endsAt }, found.held)
    return isFailure(clash) ? clash : fail('SLOT_FULL')
  }

  const facts = await slotFacts(ctx.db, input.slotId)
  if (!facts) return refusal()
  const booking = {
    id: ctx.newId(),
    slotId: facts.slotId,
    sessionId: facts.sessionId,
    userId: ctx.caller.id,
    topic: input.topic,
    problemText: input.problemText ?? null,
    idempotencyKey: input.idempotencyKey,
    startsAt: facts.startsAt,
    endsAt: facts.endsAt,
    createdAt: ctx.now,
  }
  const messages = [
    {
      userId: ctx.caller.id,
      template: 'booking.confirmed',
      data: { bookingId: booking.id, sessionId: facts.sessionId, start: facts.startsAt.toISOString(), topic: input.topic },
      dedupeKey: `booking.confirmed:${booking.id}`,
      notBefore: ctx.now,
    },
    ...reminderFor(booking, { id: facts.sessionId, date: facts.date }, ctx.now),
  ]
  let stored: Awaited<ReturnType<typeof storeBooking>>
  try {
    stored = await retryOnDeadlock(() => storeBooking(ctx.db, booking, messages))
  } catch (error) {
    // A retry with the same key meets both the unique key and the overlap constraint (same holder, same time).
    const state = sqlState(error)
    if (state !== UNIQUE_VIOLATION && state !== EXCLUSION_VIOLATION) throw error
    const replayed = await replay()
    if (replayed) return replayed
    if (state === EXCLUSION_VIOLATION) return fail('BOOKING_OVERLAP')
    throw error
  }
  if (!stored.card) return refusal()
  const row = { ...booking, ...stored.card, status: 'confirmed' as const, changedAt: null }
  return toBookingView({ booking: row, session: { kind: facts.kind, status: stored.sessionStatus }, station: stored.station }) satisfies BookingResponses['create']
}
