import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import type { SessionStatus } from '../station/station.schema'
import { fail, type Result } from '../errors'
import type { BookingStatus } from './booking.machine'

/** Default minimum notice for a holder to cancel or reschedule (issue 3: 2 hours, configurable). */
export const DEFAULT_MIN_NOTICE_MINUTES = 120

export interface Interval {
  start: InstantInput
  end: InstantInput
}

/** What the rules need to know about a slot: its interval, its session's status, and for booking its seats. */
export interface SlotState extends Interval {
  sessionStatus: SessionStatus
}

/**
 * Half-open intervals [start, end) overlap when each starts before the other ends. Back-to-back slots (09:00–09:30
 * and 09:30–10:00) do not overlap, so a holder may book consecutive slots.
 */
export function overlaps(a: Interval, b: Interval): boolean {
  return toInstant(a.start).getTime() < toInstant(b.end).getTime() && toInstant(b.start).getTime() < toInstant(a.end).getTime()
}

export interface HeldBooking extends Interval {
  bookingId: string
  status: BookingStatus
}

/**
 * Refuses a slot that overlaps one of the holder's live bookings (cancelled ones are free). `exceptBookingId` is the
 * booking being rescheduled: moving it within its own time is not a clash with itself.
 */
export function checkNoOverlap(target: Interval, held: readonly HeldBooking[], exceptBookingId?: string): Result<null> {
  const clash = held.find((b) => b.status !== 'cancelled' && b.bookingId !== exceptBookingId && overlaps(target, b))
  return clash ? fail('BOOKING_OVERLAP') : { ok: true, data: null }
}

/** Whether a new booking may go into this slot now. The seat count here is advisory: the database decides atomically. */
export function canBook(slot: SlotState & { capacity: number; booked: number }, now: InstantInput): Result<null> {
  if (slot.sessionStatus === 'cancelled') return fail('SESSION_CANCELLED')
  if (toInstant(now).getTime() >= toInstant(slot.start).getTime()) return fail('SLOT_CLOSED')
  if (slot.booked >= slot.capacity) return fail('SLOT_FULL')
  return { ok: true, data: null }
}

/**
 * Whether the holder may still cancel or reschedule this booking: the session is on, the booking is still confirmed,
 * and at least `minNoticeMinutes` remain before the slot starts (exactly that much is enough). The notice lets the
 * station hand the seat to someone else and plan its staff.
 */
export function canChange(
  booking: { status: BookingStatus },
  slot: SlotState,
  now: InstantInput,
  minNoticeMinutes: number = DEFAULT_MIN_NOTICE_MINUTES,
): Result<null> {
  if (slot.sessionStatus === 'cancelled') return fail('SESSION_CANCELLED')
  if (booking.status !== 'confirmed') return fail('INVALID_TRANSITION', `预约已${BOOKING_STATUS_TEXT[booking.status]}，不能再取消或改约`)
  const latest = toInstant(slot.start).getTime() - minNoticeMinutes * 60_000
  if (toInstant(now).getTime() > latest) {
    return fail('TOO_LATE_TO_CHANGE', `距服务开始已不足${noticeText(minNoticeMinutes)}，不能取消或改约`)
  }
  return { ok: true, data: null }
}

const BOOKING_STATUS_TEXT: Record<BookingStatus, string> = {
  confirmed: '确认',
  cancelled: '取消',
  checked_in: '签到',
  no_show: '标记为未到',
}

function noticeText(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`
}
