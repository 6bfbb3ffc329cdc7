import { eq, inArray } from 'drizzle-orm'
import { decideBooking } from '../../../src/core/booking/booking.machine'
import { bookingSchemas, type BookingResponses } from '../../../src/core/booking/booking.schema'
import { maskPhone } from '../../../src/core/common/mask'
import { fail, isFailure } from '../../../src/core/errors'
import { bookings, holders, visits } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { scanCard } from '../cards/card-scan'
import { findSession, workableSession } from '../stations/stations.queries'
import { bookingActor, bookingSituation, loadBookings, lockBooking, recordBookingEvent, toBookingView } from './bookings.queries'
import { checkIn, visitViews } from './check-in'

const STAFF = ['staff', 'admin'] as const

export const deskActions = {
  checkIn: defineAction({
    input: bookingSchemas.checkIn,
    access: STAFF,
    async run({ sessionId, qr }, ctx) {
      return inTransaction(ctx.db, (tx) => checkIn(tx, ctx, sessionId, () => scanCard(tx, qr, { staffId: ctx.caller.id, now: ctx.now, secrets: ctx.secrets })))
    },
  }),

  markNoShow: defineAction({
    input: bookingSchemas.markNoShow,
    access: STAFF,
    async run({ bookingId }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const found = await lockBooking(tx, bookingId)
        if (!found) return fail('NOT_FOUND', '预约不存在')
        const next = decideBooking('markNoShow', bookingActor(ctx.caller, found), bookingSituation(found, ctx.now, ctx.minNoticeMinutes))
        if (isFailure(next)) return next
        const [booking] = await tx.update(bookings).set({ status: next.data, changedAt: ctx.now }).where(eq(bookings.id, bookingId)).returning()
        await recordBookingEvent(tx, { bookingId, actorId: ctx.caller.id, action: 'markNoShow', from: found.booking.status, to: next.data, at: ctx.now })
        return toBookingView({ ...found, booking }) satisfies BookingResponses['markNoShow']
      })
    },
  }),

  roster: defineAction({
    input: bookingSchemas.roster,
    access: STAFF,
    async run({ sessionId }, ctx) {
      const session = await workableSession(ctx.db, sessionId, ctx.caller)
      if (isFailure(session)) return session
      const rows = await loadBookings(ctx.db, eq(bookings.sessionId, sessionId), { limit: 2000 })
      const holderRows = rows.length
        ? await ctx.db.select().from(holders).where(inArray(holders.id, [...new Set(rows.map((r) => r.booking.holderId))]))
        : []
      const byId = new Map(holderRows.map((h) => [h.id, h]))
      const roster = rows
        .map((r) => {
          const holder = byId.get(r.booking.holderId)!
          return { ...toBookingView(r), holderName: holder.name, contactName: holder.contactName, contactPhone: maskPhone(holder.contactPhone) }
        })
        .sort((a, b) => a.start.localeCompare(b.start))
      return {
        session: (await findSession(ctx.db, sessionId))!,
        bookings: roster,
        visits: await visitViews(ctx.db, eq(visits.sessionId, sessionId)),
      } satisfies BookingResponses['roster']
    },
  }),
} satisfies ActionTable
