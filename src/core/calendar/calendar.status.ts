import type { CalendarWarning } from '../org/org.schema'
import { addDays, toShanghaiDate, type InstantInput, type IsoDate } from './shanghai-time'
import { holidayDataCovers, type WorkingDayOptions } from './working-days'

/** How far ahead administrators and leaders are warned of a year whose holidays nobody confirmed. */
export const CALENDAR_WARNING_DAYS = 60

/** The district's confirmed years and their exceptions to Monday–Friday, as stored. */
export interface StoredCalendar {
  years: readonly number[]
  days: ReadonlyArray<{ date: IsoDate; off: boolean }>
}

/**
 * The working-day options of the whole backend: the district's confirmed years replace the package's data for those
 * years; HOLIDAY_OVERRIDES (the bootstrap of the environment) still wins over both.
 */
export function calendarOptions(stored: StoredCalendar, environment: WorkingDayOptions = {}): WorkingDayOptions {
  const overrides: Record<IsoDate, boolean> = {}
  for (const day of stored.days) overrides[day.date] = !day.off
  Object.assign(overrides, environment.overrides)
  return { overrides, ownYears: new Set(stored.years.map(String)) }
}

/** Years within the next CALENDAR_WARNING_DAYS days whose holidays the district has not confirmed, and why it matters. */
export function calendarWarnings(today: InstantInput, confirmedYears: readonly number[]): CalendarWarning[] {
  const from = toShanghaiDate(today)
  const years = [...new Set([from, addDays(from, CALENDAR_WARNING_DAYS)].map((day) => Number(day.slice(0, 4))))]
  return years
    .filter((year) => !confirmedYears.includes(year))
    .map((year) =>
      holidayDataCovers(`${year}-06-01`)
        ? { year, kind: 'unconfirmed', message: `${year}年节假日安排取自公开数据，尚未经本区确认，请核对国务院办公厅通知后确认` }
        : { year, kind: 'missing', message: `${year}年节假日安排尚未录入：期限和固定服务日暂按周一至周五计算，请尽快按国务院办公厅通知录入` },
    )
}
