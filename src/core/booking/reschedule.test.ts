import type { SessionView, SlotView } from '../station/station.schema'
import type { BookingView } from './booking.schema'
import { rescheduleChoices } from './reschedule'

const at = (date: string, hhmm: string) => `${date}T${hhmm}:00+08:00`
const slot = (id: string, date: string, start: string, end: string, booked = 0): SlotView => ({ id, start: at(date, start), end: at(date, end), capacity: 2, booked })
const session = (id: string, date: string, slots: SlotView[], status: SessionView['status'] = 'scheduled'): SessionView =>
  ({ id, date, status, start: slots[0].start.slice(11, 16), end: slots[slots.length - 1].end.slice(11, 16), slots }) as SessionView
const booking = (id: string, slotId: string, date: string, start: string, end: string, status: BookingView['status'] = 'confirmed'): BookingView =>
  ({ id, slotId, status, start: at(date, start), end: at(date, end) }) as BookingView

describe('rescheduleChoices', () => {
  const mine = booking('b1', 's-tue-1', '2026-10-13', '09:00', '09:30')
  const other = booking('b2', 's-x', '2026-10-15', '09:00', '10:00')
  const gone = booking('b3', 's-y', '2026-10-15', '10:00', '10:30', 'cancelled')
  const sessions = [
    session('thu', '2026-10-15', [slot('s-thu-1', '2026-10-15', '09:30', '10:00'), slot('s-thu-2', '2026-10-15', '10:00', '10:30'), slot('s-thu-3', '2026-10-15', '10:30', '11:00', 2)]),
    session('tue', '2026-10-13', [slot('s-tue-1', '2026-10-13', '09:00', '09:30'), slot('s-tue-2', '2026-10-13', '09:30', '10:00')]),
    session('tue-pm', '2026-10-13', [slot('s-tue-3', '2026-10-13', '14:00', '14:30')]),
    session('off', '2026-10-14', [slot('s-off', '2026-10-14', '09:00', '09:30')], 'cancelled'),
  ]

  it('groups the scheduled sessions by day, in time order, each slot with why it cannot be picked', () => {
    const days = rescheduleChoices(mine, sessions, [mine, other, gone], at('2026-10-13', '09:40'))
    expect(days.map((day) => [day.date, day.sessions.map((s) => s.session.id)])).toEqual([
      ['2026-10-13', ['tue', 'tue-pm']],
      ['2026-10-15', ['thu']],
    ])
    const blocks = Object.fromEntries(days.flatMap((day) => day.sessions.flatMap((s) => s.slots.map(({ slot: { id }, block }) => [id, block]))))
    expect(blocks).toEqual({
      's-tue-1': 'current',
      's-tue-2': 'started',
      's-tue-3': null,
      // 09:30–10:00 overlaps the other booking (09:00–10:00); 10:00–10:30 only touches it, and the cancelled one is free.
      's-thu-1': 'clash',
      's-thu-2': null,
      's-thu-3': 'full',
    })
  })

  it('does not count the booking being moved as a clash with itself', () => {
    const own = [session('tue', '2026-10-13', [slot('s-tue-1', '2026-10-13', '09:00', '09:30'), slot('s-tue-1b', '2026-10-13', '09:15', '09:45')])]
    const [day] = rescheduleChoices(mine, own, [mine], at('2026-10-12', '12:00'))
    expect(day.sessions[0].slots.map((s) => s.block)).toEqual(['current', null])
  })
})
