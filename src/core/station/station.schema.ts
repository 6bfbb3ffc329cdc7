import { checkTimeWindow, isoDate, wallTime } from '../calendar/calendar.schema'
import { daysBetween, isIsoDate } from '../calendar/shanghai-time'
import type { BookingStatus } from '../booking/booking.machine'
import * as z from 'zod'
import { id, line, text } from '../common/zod'

import { SESSION_KINDS, type SessionKind, type SessionStatus } from './session.kinds'
import { STATION_LIMITS as L } from './station.limits'

export * from './session.kinds'

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')

export const geoPoint = z.strictObject({
  latitude: z.number().min(-90, '纬度应在 -90 到 90 之间').max(90, '纬度应在 -90 到 90 之间'),
  longitude: z.number().min(-180, '经度应在 -180 到 180 之间').max(180, '经度应在 -180 到 180 之间'),
})

// Slots of 5 minutes to 4 hours; a window is at most one day. Capacity per slot bounded so a typo cannot open 10,000 seats.
const slotMinutes = z.number().int().min(5, '时段长度至少5分钟').max(240, '时段长度最多240分钟')
const capacity = z.number().int().min(1, '每个时段至少1个名额').max(500, '每个时段最多500个名额')
const ids = z.array(id).max(50)

const sessionWindow = {
  start: wallTime,
  end: wallTime,
  slotMinutes,
  capacity,
  departmentIds: ids.optional(),
  staffIds: ids.optional(),
}

/** The longest range of days `stations.sessions` lists at once (a quarter), counting both ends. */
export const MAX_SESSION_RANGE_DAYS = 92
export const SESSION_RANGE_MESSAGE = `查询的日期范围最长${MAX_SESSION_RANGE_DAYS}天，请缩短范围`

/** Whether a range of days (from ≤ to, both counted) is longer than `stations.sessions` lists. */
export function sessionRangeTooLong(from: string, to: string): boolean {
  return daysBetween(from, to) + 1 > MAX_SESSION_RANGE_DAYS
}

export const stationSchemas = {
  list: z.strictObject({ area: line(L.area.max).optional() }),
  save: z.strictObject({
    id: id.optional(),
    name: line(L.name.max, L.name.min),
    area: line(L.area.max, L.area.min),
    address: line(L.address.max, L.address.min),
    latitude: geoPoint.shape.latitude,
    longitude: geoPoint.shape.longitude,
    contactPhone: phone,
  }),
  addFixedDay: z
    .strictObject({
      stationId: id,
      weekday: z.number().int().min(1, '星期应为1（周一）到7（周日）').max(7, '星期应为1（周一）到7（周日）'),
      ...sessionWindow,
      validFrom: isoDate,
      validTo: isoDate,
    })
    .superRefine((value, ctx) => {
      checkTimeWindow(value, ctx)
      if (value.validTo < value.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: '有效期结束日期不能早于开始日期' })
    }),
  createSession: z
    .strictObject({ stationId: id, kind: z.enum(SESSION_KINDS), date: isoDate, ...sessionWindow })
    .superRefine(checkTimeWindow),
  cancelSession: z.strictObject({ sessionId: id, reason: text(L.cancelReason.max, L.cancelReason.min) }),
  /** Staff desk: the sessions the caller is rostered on that day (admins: all), today by default. */
  desk: z.strictObject({ date: isoDate.optional() }),
  /** What a station device keeps to work the session without a network (issue 14). */
  offlineKit: z.strictObject({ sessionId: id }),
  /** Departments and staff to pick a session's roster from (admin). */
  directory: z.strictObject({}),
  sessions: z
    .strictObject({ from: isoDate.optional(), to: isoDate.optional(), stationId: id.optional(), near: geoPoint.optional() })
    .superRefine((value, ctx) => {
      if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
      // Without `from` the range starts today, which only the action knows: it checks that case the same way.
      // Runs even when a date was refused (a refine's issue does not stop zod): count days of real dates only.
      else if (value.from && value.to && isIsoDate(value.from) && isIsoDate(value.to) && sessionRangeTooLong(value.from, value.to)) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: SESSION_RANGE_MESSAGE })
      }
    }),
}

export type StationInput = z.infer<typeof stationSchemas.save>
export type FixedDayInput = z.infer<typeof stationSchemas.addFixedDay>
export type SessionInput = z.infer<typeof stationSchemas.createSession>

export interface StationView {
  id: string
  name: string
  area: string
  address: string
  latitude: number
  longitude: number
  contactPhone: string
}

export interface FixedDayView {
  id: string
  stationId: string
  weekday: number
  start: string
  end: string
  slotMinutes: number
  capacity: number
  validFrom: string
  validTo: string
  departmentIds: string[]
  staffIds: string[]
}

/** A slot as clients see it: times as ISO 8601 instants, `booked` confirmed bookings (checked-in ones included). */
export interface SlotView {
  id: string
  start: string
  end: string
  capacity: number
  booked: number
}

export interface SessionView {
  id: string
  stationId: string
  station: StationView
  kind: SessionKind
  status: SessionStatus
  date: string
  start: string
  end: string
  slotMinutes: number
  departmentIds: string[]
  staffIds: string[]
  fixedDayId: string | null
  cancelReason: string | null
  slots: SlotView[]
  /** Only when the request gave `near`: distance from there to the station. */
  distanceKm?: number
}

/** A booking of the session as the offline desk needs it: who, with which live card, when. */
export interface OfflineKitBooking {
  id: string
  slotId: string
  status: BookingStatus
  start: string
  end: string
  topic: string
  holderId: string
  holderName: string
  cardId: string | null
}

/** The session's offline kit: everything `verifyOfflineCode` and the desk need, as of `issuedAt`. */
export interface OfflineKit {
  session: SessionView
  bookings: OfflineKitBooking[]
  /** The district's card public key (Ed25519, base64url). */
  cardPublicKey: string
  /** Every card that may not be used: suspended or revoked. */
  blockedCards: Array<{ cardId: string; status: 'suspended' | 'revoked' }>
  issuedAt: string
}

/** Response shapes of the stations area. */
export interface StationResponses {
  list: { items: StationView[] }
  save: StationView
  addFixedDay: FixedDayView & { sessions: SessionView[] }
  createSession: SessionView
  cancelSession: SessionView & { notifiedBookings: number }
  sessions: { items: SessionView[] }
  desk: { date: string; items: SessionView[] }
  offlineKit: OfflineKit
  directory: { departments: Array<{ id: string; name: string }>; staff: Array<{ id: string; name: string; departmentId: string | null }> }
}
