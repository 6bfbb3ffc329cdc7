import { toInstant, type InstantInput } from '../calendar/shanghai-time'
import type { SessionView, SlotView } from '../station/station.schema'
import { checkNoOverlap, type HeldBooking } from './booking.rules'
import type { BookingView } from './booking.schema'

/** Why a slot of the 改约 sheet cannot be picked; null when it can. */
export type SlotBlock = 'current' | 'started' | 'full' | 'clash' | null

export interface RescheduleDay {
  date: string
  sessions: Array<{ session: SessionView; slots: Array<{ slot: SlotView; block: SlotBlock }> }>
}

/**
 * What a booking can be moved to: the scheduled sessions, grouped by day in order, each slot with why it cannot be
 * picked — the booking's own slot, one that has started, one that is full, or one that overlaps another live booking of
 * the holder (the backend would refuse it with BOOKING_OVERLAP).
 */
export function rescheduleChoices(booking: BookingView, sessions: readonly SessionView[], held: readonly BookingView[], now: InstantInput): RescheduleDay[] {
  const at = toInstant(now).getTime()
  const others: HeldBooking[] = held.map((b) => ({ bookingId: b.id, status: b.status, start: b.start, end: b.end }))
  const blockOf = (slot: SlotView): SlotBlock => {
    if (slot.id === booking.slotId) return 'current'
    if (Date.parse(slot.start) <= at) return 'started'
    if (slot.booked >= slot.capacity) return 'full'
    return checkNoOverlap(slot, others, booking.id).ok ? null : 'clash'
  }
  const days = new Map<string, RescheduleDay>()
  const open = sessions.filter((s) => s.status === 'scheduled').sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
  for (const session of open) {
    const day = days.get(session.date) ?? { date: session.date, sessions: [] }
    day.sessions.push({ session, slots: session.slots.map((slot) => ({ slot, block: blockOf(slot) })) })
    days.set(session.date, day)
  }
  return [...days.values()]
}
