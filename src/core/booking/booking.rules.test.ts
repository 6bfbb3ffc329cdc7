import { fail } from '../errors'
import { canBook, canChange, checkNoOverlap, overlaps, type HeldBooking } from './booking.rules'
import { BOOKING_STATUSES } from './booking.machine'

const at = (hhmm: string) => `2026-10-13T${hhmm}:00+08:00`
const interval = (start: string, end: string) => ({ start: at(start), end: at(end) })

describe('overlaps (half-open intervals)', () => {
  it.each([
    ['09:00', '09:30', '09:00', '09:30', true],
    ['09:00', '10:00', '09:30', '10:30', true],
    ['09:00', '11:00', '09:30', '10:00', true],
    ['09:30', '10:00', '09:00', '11:00', true],
    ['09:00', '09:30', '09:30', '10:00', false],
    ['09:30', '10:00', '09:00', '09:30', false],
    ['09:00', '09:30', '10:00', '10:30', false],
  ])('[%s, %s) and [%s, %s) → %s', (a1, a2, b1, b2, expected) => {
    expect(overlaps(interval(a1, a2), interval(b1, b2))).toBe(expected)
    expect(overlaps(interval(b1, b2), interval(a1, a2))).toBe(expected)
  })

  it('compares instants, whatever offset they are written in', () => {
    expect(overlaps({ start: '2026-10-13T01:00:00Z', end: '2026-10-13T01:30:00Z' }, interval('09:15', '09:45'))).toBe(true)
    expect(overlaps({ start: new Date('2026-10-13T01:30:00Z'), end: new Date('2026-10-13T02:00:00Z') }, interval('09:00', '09:30'))).toBe(false)
  })
})

describe('checkNoOverlap', () => {
  const held: HeldBooking[] = [
    { bookingId: 'a', status: 'confirmed', ...interval('09:00', '09:30') },
    { bookingId: 'b', status: 'cancelled', ...interval('10:00', '10:30') },
    { bookingId: 'c', status: 'checked_in', ...interval('11:00', '11:30') },
  ]

  it('refuses a slot clashing with a live booking, including the same slot twice', () => {
    expect(checkNoOverlap(interval('09:00', '09:30'), held)).toEqual(fail('BOOKING_OVERLAP'))
    expect(checkNoOverlap(interval('11:15', '11:45'), held)).toMatchObject({ error: { code: 'BOOKING_OVERLAP' } })
  })

  it('ignores cancelled bookings and back-to-back slots', () => {
    expect(checkNoOverlap(interval('10:00', '10:30'), held)).toEqual({ ok: true, data: null })
    expect(checkNoOverlap(interval('09:30', '10:00'), held)).toEqual({ ok: true, data: null })
    expect(checkNoOverlap(interval('09:00', '09:30'), [])).toEqual({ ok: true, data: null })
  })

  it('ignores the booking being rescheduled', () => {
    expect(checkNoOverlap(interval('09:15', '09:45'), held, 'a')).toEqual({ ok: true, data: null })
    expect(checkNoOverlap(interval('09:15', '09:45'), held, 'c')).toMatchObject({ error: { code: 'BOOKING_OVERLAP' } })
  })
})

describe('canBook', () => {
  const slot = { ...interval('10:00', '10:30'), sessionStatus: 'scheduled' as const, capacity: 20, booked: 19 }

  it('accepts while seats remain and the slot has not started', () => {
    expect(canBook(slot, at('09:59'))).toEqual({ ok: true, data: null })
  })

  it('refuses a full slot, a started or past slot, and a cancelled session (in that order of importance)', () => {
    expect(canBook({ ...slot, booked: 20 }, at('09:00'))).toEqual(fail('SLOT_FULL'))
    expect(canBook(slot, at('10:00'))).toEqual(fail('SLOT_CLOSED'))
    expect(canBook({ ...slot, booked: 20 }, at('10:15'))).toEqual(fail('SLOT_CLOSED'))
    expect(canBook({ ...slot, sessionStatus: 'cancelled', booked: 20 }, at('11:00'))).toEqual(fail('SESSION_CANCELLED'))
  })
})

describe('canChange', () => {
  const slot = { ...interval('10:00', '10:30'), sessionStatus: 'scheduled' as const }

  it('allows a confirmed booking with at least the notice left (default 2 hours)', () => {
    expect(canChange({ status: 'confirmed' }, slot, at('08:00'))).toEqual({ ok: true, data: null })
    expect(canChange({ status: 'confirmed' }, slot, '2026-10-12T10:00:00Z')).toEqual({ ok: true, data: null })
  })

  it('refuses inside the notice, after the start, with the configured notice in the message', () => {
    expect(canChange({ status: 'confirmed' }, slot, at('08:01'))).toMatchObject({ error: { code: 'TOO_LATE_TO_CHANGE' } })
    expect(canChange({ status: 'confirmed' }, slot, at('10:10'))).toMatchObject({ error: { code: 'TOO_LATE_TO_CHANGE' } })
    expect(canChange({ status: 'confirmed' }, slot, at('09:00'), 90)).toMatchObject({ error: { message: '距服务开始已不足90分钟，不能取消或改约' } })
    expect(canChange({ status: 'confirmed' }, slot, at('09:00'), 24 * 60)).toMatchObject({ error: { message: '距服务开始已不足24小时，不能取消或改约' } })
  })

  it('refuses bookings that are no longer confirmed', () => {
    for (const status of BOOKING_STATUSES.filter((s) => s !== 'confirmed')) {
      expect(canChange({ status }, slot, at('07:00'))).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })
    }
  })

  it('says the session was cancelled first', () => {
    expect(canChange({ status: 'cancelled' }, { ...slot, sessionStatus: 'cancelled' }, at('09:59'))).toEqual(fail('SESSION_CANCELLED'))
  })
})
