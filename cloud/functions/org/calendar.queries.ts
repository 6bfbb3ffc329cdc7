import { asc } from 'drizzle-orm'
import { calendarOptions, type StoredCalendar } from '../../../src/core/calendar/calendar.status'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { calendarDays, calendarYears } from '../../db/schema'
import type { Db, Tx } from '../../db/store'

export async function readStoredCalendar(tx: Tx): Promise<StoredCalendar> {
  const [years, days] = await Promise.all([
    tx.select({ year: calendarYears.year }).from(calendarYears),
    tx.select({ date: calendarDays.date, off: calendarDays.off }).from(calendarDays).orderBy(asc(calendarDays.date)),
  ])
  return { years: years.map((row) => row.year), days }
}

/** How long an instance trusts its copy of the calendar: another instance's save shows here within this time. */
const CALENDAR_TTL_MS = 30_000

export interface CalendarSource {
  /** The working-day calendar in force: the district's confirmed years, the package's data, HOLIDAY_OVERRIDES on top. */
  load(db: Db): Promise<WorkingDayOptions>
  /** Forget the copy (after this instance saved a year). */
  invalidate(): void
}

/**
 * The district's holiday calendar lives in the database (org.saveCalendar); every action and job reads it through this
 * per-instance copy, so a request costs no query while the copy is fresh.
 */
export function districtCalendar(environment: WorkingDayOptions, nowMs: () => number = Date.now): CalendarSource {
  let cached: { at: number; value: Promise<WorkingDayOptions> } | null = null
  return {
    load(db) {
      if (!cached || nowMs() - cached.at > CALENDAR_TTL_MS) {
        const value = readStoredCalendar(db).then((stored) => calendarOptions(stored, environment))
        cached = { at: nowMs(), value }
        // A failed read is not kept: the next request tries again.
        value.catch(() => {
          if (cached?.value === value) cached = null
        })
      }
      return cached.value
    },
    invalidate() {
      cached = null
    },
  }
}
