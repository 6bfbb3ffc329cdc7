import { and, eq, inArray, ne } from 'drizzle-orm'
import { CHECK_IN_OPENS_MINUTES, decideBooking } from '../../../src/core/booking/booking.machine'
import { bookingSchemas, type BookingResponses, type VisitView } from '../../../src/core/booking/booking.schema'
import { maskPhone } from '../../../src/core/common/mask'
import { fail, isFailure } from '../../../src/core/errors'
import { bookings, holders, sessions, visits } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable, type Caller } from '../action'
import { inTransaction } from '../transaction'
import { scanCard } from '../cards/card-scan'
import { maskedHolder } from '../cards/cards.queries'
import { findSession } from '../stations/stations.queries'
import { bookingActor, bookingSituation, loadBookings, lockBooking, recordBookingEvent, toBookingView } from './bookings.queries'

const STAFF = ['staff', 'admin'] as const

/** Staff work only the sessions they are rostered on; admins work all. Others' sessions look missing. */
async function workableSession(tx: Tx, sessionId: string, caller: Caller) {
  const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId))
  if (!session) return fail('NOT_FOUND', '场次不存在')
  if (!caller.roles.includes('admin') && !session.staffIds.includes(caller.id)) return fail('FORBIDDEN', '您不在该场次的工作人员名单中')
  return session
}

async function visitViews(tx: Tx, where: ReturnType<typeof eq>): Promise<VisitView[]> {
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

export const deskActions = {
  checkIn: defineAction({
    input: bookingSchemas.checkIn,
    access: STAFF,
    async run({ sessionId, qr }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const session = await workableSession(tx, sessionId, ctx.caller)
        if (isFailure(session)) return session
        if (session.status === 'cancelled') return fail('SESSION_CANCELLED')
        const opens = session.startsAt.getTime() - CHECK_IN_OPENS_MINUTES * 60_000
        const isAdmin = ctx.caller.roles.includes('admin')
        // Refuse before the scan so that a token shown at the wrong time is not spent.
        if (!isAdmin && (ctx.now.getTime() < opens || ctx.now > session.endsAt)) return fail('CHECK_IN_CLOSED')
        const scanned = await scanCard(tx, qr, { staffId: ctx.caller.id, now: ctx.now, secrets: ctx.secrets })
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
        // One visit per holder and session; scanning again returns the same visit.
        await tx
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
        const [visit] = await visitViews(tx, and(eq(visits.sessionId, sessionId), eq(visits.holderId, scanned.holder.id))!)
        return { visit, booking: bookingView, card: scanned.card, holder: maskedHolder(scanned.holder) } satisfies BookingResponses['checkIn']
      })
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
