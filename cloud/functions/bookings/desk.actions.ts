import { eq, inArray } from 'drizzle-orm'
import { bookingSchemas, type BookingResponses } from '../../../src/core/booking/booking.schema'
import { maskPhone } from '../../../src/core/common/mask'
import { isCardTokenShaped } from '../../../src/core/card/card.token'
import { isOfflineCode } from '../../../src/core/card/offline-code.format'
import { fail, isFailure } from '../../../src/core/errors'
import { bookings, holders, visits } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { scanCard } from '../cards/card-scan'
import { findSession, workableSession } from '../stations/stations.queries'
import { loadBookings, toBookingView } from './bookings.queries'
import { checkIn, DESK_STAFF, markNoShow, visitViews } from './desk'

export const deskActions = {
  checkIn: defineAction({
    input: bookingSchemas.checkIn,
    access: DESK_STAFF,
    async run({ sessionId, qr }, ctx) {
      // Pasted garbage is 无效的二维码 whenever it is shown, not CHECK_IN_CLOSED before the session (issue 15, defect 12).
      if (!isCardTokenShaped(qr) && !isOfflineCode(qr)) return fail('TOKEN_INVALID')
      return inTransaction(ctx.db, (tx) => checkIn(tx, ctx, sessionId, () => scanCard(tx, qr, { staffId: ctx.caller.id, now: ctx.now, secrets: ctx.secrets })))
    },
  }),

  markNoShow: defineAction({
    input: bookingSchemas.markNoShow,
    access: DESK_STAFF,
    run: ({ bookingId }, ctx) => markNoShow(ctx, bookingId),
  }),

  roster: defineAction({
    input: bookingSchemas.roster,
    access: DESK_STAFF,
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
