import { daysBetween, shanghaiDate, type InstantInput } from '../calendar/shanghai-time'
import { CONTACT_CADENCE_DAYS, type ContactCadence } from './commissioner.schema'

/**
 * Which reminder an overdue contact is due for, as a stable key: the due date and the 7-day window since then (0 for
 * the first 7 days after it, 1 for the next 7 …), or null when contact is not overdue. The contact-cadence job stores
 * one reminder per assignment and key, so it reminds once a week for as long as no contact is logged, and starts over
 * from the new due date once one is.
 */
export function contactReminderWindow(cadence: ContactCadence, now: InstantInput, cadenceDays: number = CONTACT_CADENCE_DAYS): string | null {
  if (!cadence.overdue) return null
  const today = shanghaiDate(now)
  // Never contacted and never assigned (no date to count from): one reminder per calendar week of the epoch.
  if (cadence.dueBy === null) return `none+${Math.floor(daysBetween('1970-01-01', today) / cadenceDays)}`
  const dueDate = shanghaiDate(cadence.dueBy)
  // Overdue starts the day after the due date, so days since it are ≥ 1 here.
  const window = Math.floor((Math.max(daysBetween(dueDate, today), 1) - 1) / cadenceDays)
  return `${dueDate}+${window}`
}
