import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm'
import { addDays, compareDates, shanghaiDate, shanghaiInstant } from '../../../src/core/calendar/shanghai-time'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { distanceKm } from '../../../src/core/station/station.geo'
import { SESSION_RANGE_MESSAGE, sessionRangeTooLong, stationSchemas, type FixedDayView, type StationResponses } from '../../../src/core/station/station.schema'
import { bookingEvents, bookings, departments, districts, fixedDays, sessions, slots, stations, users } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { enqueue, withdraw } from '../notifications/outbox'
import { lockSessionOwners, reminderKey } from '../bookings/bookings.queries'
import { planFixedDayAhead } from './fixed-days'
import { offlineKit } from './offline-kit'
import { createSession, findSession, loadSessions, stationRoster, toStationView, workableSession } from './stations.queries'

const ADMIN = ['admin'] as const
const STAFF = ['staff', 'admin'] as const
/** What `stations.sessions` lists when no range is given. */
const DEFAULT_RANGE_DAYS = 28

export const stationActions = {
  list: defineAction({
    input: stationSchemas.list,
    access: 'signedIn',
    async run({ area }, ctx): Promise<StationResponses['list']> {
      const rows = await ctx.db.select().from(stations).where(area ? eq(stations.area, area) : undefined).orderBy(asc(stations.name))
      return { items: rows.map(toStationView) }
    },
  }),

  save: defineAction({
    input: stationSchemas.save,
    access: ADMIN,
    async run({ id, contactPhone, ...fields }, ctx) {
      const values = { ...fields, phone: contactPhone }
      if (id) {
        const [updated] = await ctx.db.update(stations).set(values).where(eq(stations.id, id)).returning()
        return updated ? toStationView(updated) : fail('NOT_FOUND', '服务站不存在')
      }
      const [district] = await ctx.db.select({ id: districts.id }).from(districts).limit(1)
      if (!district) return fail('DISTRICT_NOT_SET')
      const [created] = await ctx.db
        .insert(stations)
        .values({ id: ctx.newId(), districtId: district.id, ...values })
        .returning()
      return toStationView(created) satisfies StationResponses['save']
    },
  }),

  addFixedDay: defineAction({
    input: stationSchemas.addFixedDay,
    access: ADMIN,
    async run(input, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const roster = await stationRoster(tx, input)
        if (isFailure(roster)) return roster
        const [row] = await tx
          .insert(fixedDays)
          .values({
            id: ctx.newId(),
            stationId: input.stationId,
            weekday: input.weekday,
            startTime: input.start,
            endTime: input.end,
            slotMinutes: input.slotMinutes,
            capacity: input.capacity,
            validFrom: input.validFrom,
            validTo: input.validTo,
            ...roster,
            createdBy: ctx.caller.id,
          })
          .returning()
        const created = await planFixedDayAhead(tx, row, ctx.now, ctx.calendar, ctx.newId)
        if (isFailure(created)) return created
        const view: FixedDayView = {
          id: row.id,
          stationId: row.stationId,
          weekday: row.weekday,
          start: row.startTime,
          end: row.endTime,
          slotMinutes: row.slotMinutes,
          capacity: row.capacity,
          validFrom: row.validFrom,
          validTo: row.validTo,
          departmentIds: row.departmentIds,
          staffIds: row.staffIds,
        }
        const generated = created.length ? await loadSessions(tx, inArray(sessions.id, created)) : []
        return { ...view, sessions: generated } satisfies StationResponses['addFixedDay']
      })
    },
  }),

  createSession: defineAction({
    input: stationSchemas.createSession,
    access: ADMIN,
    async run(input, ctx) {
      if (shanghaiInstant(input.date, input.end) <= ctx.now) return fail('DATE_IN_PAST', '场次结束时间已过，不能创建')
      return inTransaction(ctx.db, async (tx) => {
        const roster = await stationRoster(tx, input)
        if (isFailure(roster)) return roster
        const id = await createSession(tx, { ...input, ...roster, fixedDayId: null, createdBy: ctx.caller.id }, ctx.newId)
        if (isFailure(id)) return id
        return (await findSession(tx, id!))! satisfies StationResponses['createSession']
      })
    },
  }),

  cancelSession: defineAction({
    input: stationSchemas.cancelSession,
    access: ADMIN,
    async run({ sessionId, reason }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [session] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update')
        if (!session) return fail('NOT_FOUND', '场次不存在')
        if (session.status === 'cancelled') return fail('SESSION_CANCELLED')
        // The holders before their bookings, as every booking change locks them (its notices reach their user rows).
        await lockSessionOwners(tx, sessionId)
        await tx
          .update(sessions)
          .set({ status: 'cancelled', cancelReason: reason, cancelledAt: ctx.now })
          .where(eq(sessions.id, sessionId))
        const cancelled = await tx
          .update(bookings)
          .set({ status: 'cancelled', changedAt: ctx.now })
          .where(and(eq(bookings.sessionId, sessionId), eq(bookings.status, 'confirmed')))
          .returning()
        // Seats follow the bookings that still hold them; recounting cannot drift.
        await tx
          .update(slots)
          .set({ booked: sql`(SELECT count(*) FROM ${bookings} WHERE ${bookings.slotId} = ${slots.id} AND ${bookings.status} <> 'cancelled')` })
          .where(eq(slots.sessionId, sessionId))
        if (cancelled.length > 0) {
          await tx.insert(bookingEvents).values(
            cancelled.map((b) => ({
              bookingId: b.id,
              actorId: ctx.caller.id,
              action: 'sessionCancelled',
              fromStatus: 'confirmed',
              toStatus: 'cancelled',
              note: reason,
              at: ctx.now,
            })),
          )
          await withdraw(tx, cancelled.map((b) => reminderKey(b.id, b.slotId)))
          await enqueue(
            tx,
            cancelled.map((b) => ({
              userId: b.userId,
              template: 'session.cancelled',
              data: { bookingId: b.id, sessionId, date: session.date, reason },
              dedupeKey: `session.cancelled:${sessionId}:${b.id}`,
              notBefore: ctx.now,
            })),
            ctx.now,
          )
        }
        const view = (await findSession(tx, sessionId))!
        return { ...view, notifiedBookings: cancelled.length } satisfies StationResponses['cancelSession']
      })
    },
  }),

  sessions: defineAction({
    input: stationSchemas.sessions,
    access: 'signedIn',
    async run({ from, to, stationId, near }, ctx): Promise<StationResponses['sessions'] | Failure> {
      const first = from ?? shanghaiDate(ctx.now)
      const last = to ?? addDays(first, DEFAULT_RANGE_DAYS)
      // The schema checks a range given whole; a `to` alone counts from today.
      if (sessionRangeTooLong(first, last)) return fail('VALIDATION_FAILED', SESSION_RANGE_MESSAGE)
      const items = await loadSessions(
        ctx.db,
        and(gte(sessions.date, first), lte(sessions.date, last), stationId ? eq(sessions.stationId, stationId) : undefined),
      )
      if (!near) return { items }
      // Nearest first within each day; days stay in order.
      const withDistance = items.map((s) => ({ ...s, distanceKm: Math.round(distanceKm(near, s.station) * 10) / 10 }))
      withDistance.sort((a, b) => compareDates(a.date, b.date) || a.distanceKm - b.distanceKm || a.start.localeCompare(b.start))
      return { items: withDistance }
    },
  }),

  desk: defineAction({
    input: stationSchemas.desk,
    access: STAFF,
    async run({ date }, ctx): Promise<StationResponses['desk']> {
      const day = date ?? shanghaiDate(ctx.now)
      const rostered = ctx.caller.roles.includes('admin') ? undefined : sql`${ctx.caller.id}::uuid = ANY(${sessions.staffIds})`
      return { date: day, items: await loadSessions(ctx.db, and(eq(sessions.date, day), rostered)) }
    },
  }),

  offlineKit: defineAction({
    input: stationSchemas.offlineKit,
    access: STAFF,
    async run({ sessionId }, ctx) {
      const session = await workableSession(ctx.db, sessionId, ctx.caller)
      if (isFailure(session)) return session
      return offlineKit(ctx.db, sessionId, ctx.secrets, ctx.now) satisfies Promise<StationResponses['offlineKit']>
    },
  }),

  directory: defineAction({
    input: stationSchemas.directory,
    access: ADMIN,
    async run(_input, ctx): Promise<StationResponses['directory']> {
      const [departmentRows, staffRows] = await Promise.all([
        // Only active departments and people can be put on a roster: deactivated ones get no new work.
        ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(isNull(departments.deactivatedAt)).orderBy(asc(departments.name)),
        ctx.db
          .select({ id: users.id, name: users.name, departmentId: users.departmentId })
          .from(users)
          .where(and(sql`'staff' = ANY(${users.roles})`, isNull(users.deactivatedAt)))
          .orderBy(asc(users.name)),
      ])
      return { departments: departmentRows, staff: staffRows }
    },
  }),
} satisfies ActionTable
