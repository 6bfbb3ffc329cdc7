import type { Role } from '../auth/roles'
import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import { fail, type Result } from '../errors'
import { canChange, DEFAULT_MIN_NOTICE_MINUTES, type SlotState } from './booking.rules'

/**
 * A booking is `confirmed` when made, and ends `cancelled` (seat freed), `checked_in` (the holder came) or `no_show`
 * (marked by staff after the session). Rescheduling keeps it confirmed on another slot.
 */
export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'checked_in', 'no_show'] as const
export type BookingStatus = (typeof BOOKING_STATUSES)[number]

export const BOOKING_ACTIONS = ['cancel', 'reschedule', 'checkIn', 'markNoShow'] as const
export type BookingAction = (typeof BOOKING_ACTIONS)[number]

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  confirmed: '已预约',
  cancelled: '已取消',
  checked_in: '已签到',
  no_show: '未到',
}

export const BOOKING_ACTION_LABELS: Record<BookingAction, string> = {
  cancel: '取消预约',
  reschedule: '改约',
  checkIn: '签到',
  markNoShow: '标记未到',
}

/** Whether a booking in this status holds its seat (counts towards the slot's `booked`). */
export const OCCUPIES_SEAT: Record<BookingStatus, boolean> = {
  confirmed: true,
  cancelled: false,
  checked_in: true,
  no_show: true,
}

/** Check-in opens this long before the session starts (people arrive early) and closes when it ends. */
export const CHECK_IN_OPENS_MINUTES = 60

export interface BookingActor {
  role: Role
  /** The caller is the booking's holder. */
  ownsBooking: boolean
  /** The caller is on the session's staff roster. */
  rosteredOnSession: boolean
}

export interface BookingSituation {
  status: BookingStatus
  slot: SlotState
  session: { start: InstantInput; end: InstantInput }
  now: InstantInput
  minNoticeMinutes?: number
}

// Which status each action leaves, from which status. Admin may also correct a mistaken no-show into a check-in.
const NEXT: Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>> = {
  cancel: { confirmed: 'cancelled' },
  reschedule: { confirmed: 'confirmed' },
  checkIn: { confirmed: 'checked_in', no_show: 'checked_in' },
  markNoShow: { confirmed: 'no_show' },
}

/**
 * Who may attempt what. Holders change only their own bookings; staff work only sessions they are rostered on;
 * admins may do everything. Other roles (handler, commissioner, leader) do not touch bookings.
 */
function permitted(action: BookingAction, actor: BookingActor): boolean {
  if (actor.role === 'admin') return true
  if (actor.role === 'holder') return (action === 'cancel' || action === 'reschedule') && actor.ownsBooking
  if (actor.role === 'staff') return (action === 'checkIn' || action === 'markNoShow') && actor.rosteredOnSession
  return false
}

const ms = (value: InstantInput) => toInstant(value).getTime()

/**
 * Decides one action on one booking: the resulting status, or why not. Checks run in a fixed order so that the answer
 * is the most useful one: permission first (a stranger learns nothing about the booking), then the session, then the
 * status, then the time.
 *
 * Time rules: a holder must respect the minimum notice to cancel or reschedule; an admin (acting for the station, e.g.
 * when cancelling a whole session or moving people off it) is not bound by the notice or by a cancelled session.
 * Staff check in from 60 minutes before the session until it ends; no-shows are marked only once it has ended, by
 * anyone. An admin may check in at any time (fixing the record afterwards), including a booking marked no-show.
 */
export function decideBooking(action: BookingAction, actor: BookingActor, situation: BookingSituation): Result<BookingStatus> {
  if (!permitted(action, actor)) return fail('FORBIDDEN')
  const { status, slot, session, now } = situation
  const isAdmin = actor.role === 'admin'

  if (action === 'cancel' || action === 'reschedule') {
    if (!isAdmin) {
      const check = canChange({ status }, slot, now, situation.minNoticeMinutes ?? DEFAULT_MIN_NOTICE_MINUTES)
      if (!check.ok) return check
    }
  } else if (slot.sessionStatus === 'cancelled') {
    return fail('SESSION_CANCELLED')
  }

  const next = NEXT[action][status]
  if (!next || (status === 'no_show' && !isAdmin)) {
    return fail('INVALID_TRANSITION', `预约当前为「${BOOKING_STATUS_LABELS[status]}」，不能${BOOKING_ACTION_LABELS[action]}`)
  }

  if (action === 'checkIn' && !isAdmin) {
    const opens = ms(session.start) - CHECK_IN_OPENS_MINUTES * 60_000
    if (ms(now) < opens || ms(now) > ms(session.end)) return fail('CHECK_IN_CLOSED')
  }
  if (action === 'markNoShow' && ms(now) < ms(session.end)) return fail('SESSION_NOT_ENDED')
  return { ok: true, data: next }
}
