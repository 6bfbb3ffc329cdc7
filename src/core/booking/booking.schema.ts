import { isoDate } from '../calendar/calendar.schema'
import type { CardView, HolderView } from '../card/card.schema'
import * as z from 'zod'
import { empty, id, idempotencyKey, line, noControlCharacters, text } from '../common/zod'
import type { SessionKind, SessionStatus, SessionView } from '../station/station.schema'
import { BOOKING_LIMITS as L } from './booking.limits'
import { BOOKING_STATUSES, type BookingStatus } from './booking.machine'
import type { HomeVisitStatus } from './home-visit.machine'

export const bookingSchemas = {
  create: z.strictObject({
    slotId: id,
    topic: line(L.topic.max, L.topic.min),
    /** Problem text submitted ahead, so staff can prepare (the problem ledger takes it over at the visit). */
    problemText: text(L.problemText.max).optional(),
    idempotencyKey,
  }),
  mine: z.strictObject({ status: z.enum(BOOKING_STATUSES).optional() }),
  cancel: z.strictObject({ bookingId: id, reason: text(L.cancelReason.max).optional() }),
  reschedule: z.strictObject({ bookingId: id, slotId: id }),
  // The QR is the card token of the card capability; staff scan it and the backend finds the holder's booking.
  checkIn: z.strictObject({ sessionId: id, qr: z.string().trim().min(1, '请扫描服务卡二维码').max(512).superRefine(noControlCharacters) }),
  markNoShow: z.strictObject({ bookingId: id }),
  requestHomeVisit: z.strictObject({
    address: line(L.address.max, L.address.min),
    topic: line(L.topic.max, L.topic.min),
    problemText: text(L.problemText.max).optional(),
    preferredDates: z
      .array(isoDate)
      .min(L.preferredDates.min, `请至少选择${L.preferredDates.min}个期望日期`)
      .max(L.preferredDates.max, `最多选择${L.preferredDates.max}个期望日期`)
      .refine((dates) => new Set(dates).size === dates.length, '期望日期不能重复'),
    idempotencyKey,
  }),
  scheduleHomeVisit: z.strictObject({
    requestId: id,
    date: isoDate,
    staffIds: z
      .array(id)
      .min(L.staffIds.min, `请至少指派${L.staffIds.min}名工作人员`)
      .max(L.staffIds.max)
      .refine((ids) => new Set(ids).size === ids.length, '工作人员不能重复'),
    note: text(L.scheduleNote.max).optional(),
  }),
  cancelHomeVisit: z.strictObject({ requestId: id, reason: text(L.homeVisitCancelReason.max, L.homeVisitCancelReason.min) }),
  completeHomeVisit: z.strictObject({ requestId: id, note: text(L.completeNote.max).optional() }),
  homeVisits: empty,
  /** Staff desk: the bookings and walk-ins of one session. */
  roster: z.strictObject({ sessionId: id }),
}

export interface BookingView {
  id: string
  holderId: string
  slotId: string
  sessionId: string
  status: BookingStatus
  topic: string
  problemText: string | null
  /** Slot interval, ISO 8601 instants. */
  start: string
  end: string
  createdAt: string
  changedAt: string | null
  /** Where and what: enough for 我的预约 without a second request. */
  place: { stationId: string; stationName: string; address: string; kind: SessionKind; sessionStatus: SessionStatus }
}

/** A booking on the staff desk, with who booked it (phone masked). */
export interface RosterBookingView extends BookingView {
  holderName: string
  contactName: string
  contactPhone: string
}

/** One holder served at a session: a checked-in booking or a walk-in without one. */
export interface VisitView {
  id: string
  sessionId: string
  bookingId: string | null
  walkIn: boolean
  holderId: string
  holderName: string
  checkedInAt: string
}

export interface HomeVisitView {
  id: string
  holderId: string
  status: HomeVisitStatus
  address: string
  topic: string
  problemText: string | null
  preferredDates: string[]
  holderName: string
  date: string | null
  staffIds: string[]
  createdAt: string
}

/** Response shapes of the bookings area. */
export interface BookingResponses {
  create: BookingView
  mine: { items: BookingView[] }
  cancel: BookingView
  reschedule: BookingView
  /**
   * `alreadyCheckedIn`: the holder was checked in at this session before this scan (the desk says so); absent from a
   * result a desk made up offline, which cannot know.
   */
  checkIn: { visit: VisitView; booking: BookingView | null; card: CardView; holder: HolderView; alreadyCheckedIn?: boolean }
  markNoShow: BookingView
  requestHomeVisit: HomeVisitView
  scheduleHomeVisit: HomeVisitView
  cancelHomeVisit: HomeVisitView
  completeHomeVisit: HomeVisitView
  homeVisits: { items: HomeVisitView[] }
  roster: { session: SessionView; bookings: RosterBookingView[]; visits: VisitView[] }
}
