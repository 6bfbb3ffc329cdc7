import type { Role } from '../auth/roles'
import { statusOf } from '../errors'
import {
  BOOKING_ACTIONS,
  BOOKING_STATUSES,
  decideBooking,
  OCCUPIES_SEAT,
  type BookingAction,
  type BookingActor,
  type BookingSituation,
  type BookingStatus,
} from './booking.machine'

// A session on 2026-10-13, 09:00–11:30 Shanghai; the booked slot is 10:00–10:30.
const session = { start: '2026-10-13T09:00:00+08:00', end: '2026-10-13T11:30:00+08:00' }
const slot = { start: '2026-10-13T10:00:00+08:00', end: '2026-10-13T10:30:00+08:00', sessionStatus: 'scheduled' as const }

// For the matrix, each action is tried at a time when its time rule is met.
const timeFor: Record<BookingAction, string> = {
  cancel: '2026-10-12T10:00:00+08:00',
  reschedule: '2026-10-12T10:00:00+08:00',
  checkIn: '2026-10-13T09:50:00+08:00',
  markNoShow: '2026-10-13T12:00:00+08:00',
}

const situation = (status: BookingStatus, action: BookingAction, change: Partial<BookingSituation> = {}): BookingSituation => ({
  status,
  slot,
  session,
  now: timeFor[action],
  ...change,
})

const ACTORS: Record<string, BookingActor> = {
  'holder (own)': { role: 'holder', ownsBooking: true, rosteredOnSession: false },
  'holder (other)': { role: 'holder', ownsBooking: false, rosteredOnSession: false },
  'staff (rostered)': { role: 'staff', ownsBooking: false, rosteredOnSession: true },
  'staff (not rostered)': { role: 'staff', ownsBooking: false, rosteredOnSession: false },
  admin: { role: 'admin', ownsBooking: false, rosteredOnSession: false },
  ...Object.fromEntries(
    (['handler', 'commissioner', 'leader'] as Role[]).map((role) => [role, { role, ownsBooking: true, rosteredOnSession: true }]),
  ),
}

/** The specification, written out: [actor, action] → status → next status. Anything missing is refused. */
const ALLOWED: Record<string, Partial<Record<BookingAction, Partial<Record<BookingStatus, BookingStatus>>>>> = {
  'holder (own)': { cancel: { confirmed: 'cancelled' }, reschedule: { confirmed: 'confirmed' } },
  'staff (rostered)': { checkIn: { confirmed: 'checked_in' }, markNoShow: { confirmed: 'no_show' } },
  admin: {
    cancel: { confirmed: 'cancelled' },
    reschedule: { confirmed: 'confirmed' },
    checkIn: { confirmed: 'checked_in', no_show: 'checked_in' },
    markNoShow: { confirmed: 'no_show' },
  },
}

/** Roles that may attempt the action at all (otherwise FORBIDDEN, whatever the status). */
const MAY_ATTEMPT = (actor: string, action: BookingAction) => ALLOWED[actor]?.[action] !== undefined

const cases = Object.keys(ACTORS).flatMap((actor) =>
  BOOKING_ACTIONS.flatMap((action) => BOOKING_STATUSES.map((status) => [actor, action, status] as const)),
)

describe('booking machine: every actor × action × status', () => {
  it('has 8 actors × 4 actions × 4 statuses', () => {
    expect(cases).toHaveLength(128)
  })

  it.each(cases)('%s: %s on %s', (actor, action, status) => {
    const result = decideBooking(action, ACTORS[actor], situation(status, action))
    const expected = ALLOWED[actor]?.[action]?.[status]
    if (expected) {
      expect(result).toEqual({ ok: true, data: expected })
    } else if (!MAY_ATTEMPT(actor, action)) {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
      expect(!result.ok && result.error.message).toMatch(/^预约当前为「.+」，不能.+$|不能再取消或改约/)
    }
  })
})

describe('booking machine: time rules', () => {
  const holder = ACTORS['holder (own)']
  const staff = ACTORS['staff (rostered)']
  const admin = ACTORS.admin

  it('lets the holder cancel or reschedule up to exactly 2 hours before the slot, not after', () => {
    for (const action of ['cancel', 'reschedule'] as const) {
      expect(decideBooking(action, holder, situation('confirmed', action, { now: '2026-10-13T08:00:00+08:00' })).ok).toBe(true)
      const late = decideBooking(action, holder, situation('confirmed', action, { now: '2026-10-13T08:00:00.001+08:00' }))
      expect(late).toEqual({ ok: false, error: { code: 'TOO_LATE_TO_CHANGE', message: '距服务开始已不足2小时，不能取消或改约' } })
      expect(decideBooking(action, holder, situation('confirmed', action, { now: '2026-10-13T10:15:00+08:00' })).ok).toBe(false)
    }
  })

  it('uses a configured notice', () => {
    const at = (now: string) => decideBooking('cancel', holder, situation('confirmed', 'cancel', { now, minNoticeMinutes: 30 }))
    expect(at('2026-10-13T09:30:00+08:00').ok).toBe(true)
    expect(at('2026-10-13T09:31:00+08:00')).toMatchObject({ error: { code: 'TOO_LATE_TO_CHANGE', message: expect.stringContaining('30分钟') } })
    const none = decideBooking('cancel', holder, situation('confirmed', 'cancel', { now: '2026-10-13T09:59:59+08:00', minNoticeMinutes: 0 }))
    expect(none.ok).toBe(true)
  })

  it('does not hold an admin to the notice or to a cancelled session (they act for the station)', () => {
    const cancelledSlot = { ...slot, sessionStatus: 'cancelled' as const }
    expect(decideBooking('cancel', admin, situation('confirmed', 'cancel', { now: '2026-10-13T09:59:00+08:00' }))).toEqual({ ok: true, data: 'cancelled' })
    expect(decideBooking('cancel', admin, situation('confirmed', 'cancel', { slot: cancelledSlot }))).toEqual({ ok: true, data: 'cancelled' })
    expect(decideBooking('reschedule', admin, situation('confirmed', 'reschedule', { slot: cancelledSlot }))).toEqual({ ok: true, data: 'confirmed' })
  })

  it('tells a holder the session was cancelled before anything else', () => {
    const cancelledSlot = { ...slot, sessionStatus: 'cancelled' as const }
    for (const status of BOOKING_STATUSES) {
      expect(decideBooking('cancel', holder, situation(status, 'cancel', { slot: cancelledSlot }))).toMatchObject({ error: { code: 'SESSION_CANCELLED' } })
    }
    expect(decideBooking('checkIn', staff, situation('confirmed', 'checkIn', { slot: cancelledSlot }))).toMatchObject({ error: { code: 'SESSION_CANCELLED' } })
    expect(decideBooking('checkIn', admin, situation('confirmed', 'checkIn', { slot: cancelledSlot }))).toMatchObject({ error: { code: 'SESSION_CANCELLED' } })
  })

  it('refuses before permission is known: a stranger learns nothing about the booking', () => {
    const cancelledSlot = { ...slot, sessionStatus: 'cancelled' as const }
    expect(decideBooking('cancel', ACTORS['holder (other)'], situation('checked_in', 'cancel', { slot: cancelledSlot }))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
  })

  it('opens check-in 60 minutes before the session and closes it at the end, for staff', () => {
    const at = (now: string) => decideBooking('checkIn', staff, situation('confirmed', 'checkIn', { now }))
    expect(at('2026-10-13T07:59:59+08:00')).toMatchObject({ error: { code: 'CHECK_IN_CLOSED' } })
    expect(at('2026-10-13T08:00:00+08:00')).toEqual({ ok: true, data: 'checked_in' })
    expect(at('2026-10-13T11:30:00+08:00')).toEqual({ ok: true, data: 'checked_in' })
    expect(at('2026-10-13T11:30:01+08:00')).toMatchObject({ error: { code: 'CHECK_IN_CLOSED' } })
    expect(at('2026-10-14T09:30:00+08:00')).toMatchObject({ error: { code: 'CHECK_IN_CLOSED' } })
  })

  it('lets an admin check in at any time, e.g. to fix a mistaken no-show the next day', () => {
    expect(decideBooking('checkIn', admin, situation('no_show', 'checkIn', { now: '2026-10-14T09:00:00+08:00' }))).toEqual({ ok: true, data: 'checked_in' })
  })

  it('marks no-shows only once the session has ended, for everyone', () => {
    for (const actor of [staff, admin]) {
      expect(decideBooking('markNoShow', actor, situation('confirmed', 'markNoShow', { now: '2026-10-13T11:29:59+08:00' }))).toMatchObject({
        error: { code: 'SESSION_NOT_ENDED' },
      })
      expect(decideBooking('markNoShow', actor, situation('confirmed', 'markNoShow', { now: '2026-10-13T11:30:00+08:00' }))).toEqual({
        ok: true,
        data: 'no_show',
      })
    }
  })
})

describe('booking statuses', () => {
  it('frees the seat only when cancelled', () => {
    expect(BOOKING_STATUSES.filter((s) => !OCCUPIES_SEAT[s])).toEqual(['cancelled'])
  })

  it('maps codes to HTTP statuses', () => {
    expect(statusOf('SLOT_FULL')).toBe(409)
    expect(statusOf('DATE_IN_PAST')).toBe(400)
    expect(statusOf('FORBIDDEN')).toBe(403)
    expect(statusOf('INVALID_TRANSITION')).toBe(409)
  })
})
