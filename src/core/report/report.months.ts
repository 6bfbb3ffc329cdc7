import { addDays, compareDates, isIsoDate, isoWeekday, shanghaiDate, startOfShanghaiDay, toInstant, type InstantInput, type IsoDate } from '../calendar/shanghai-time'
import { fail, ok, type Result } from '../errors'

/**
 * Months and weeks of the reports, in Asia/Shanghai: a report month runs from 00:00 on the 1st to 00:00 on the 1st of
 * the next month in Shanghai, whatever the TZ of the machine computing it (a cloud function runs in UTC, where
 * "October" would start 8 hours late).
 */

/** A report month, 'YYYY-MM'. */
export type Month = string

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A month 'YYYY-MM' whose days are dates the product accepts (see isIsoDate), so its range can be computed. */
export function isMonth(value: unknown): value is Month {
  return typeof value === 'string' && MONTH_RE.test(value) && isIsoDate(`${value}-01`)
}

function parts(month: Month): [number, number] {
  const m = MONTH_RE.exec(month)
  if (!m) throw new RangeError(`not a YYYY-MM month: ${month}`)
  return [Number(m[1]), Number(m[2])]
}

/** The month n months later (earlier when negative). */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = parts(month)
  const index = y * 12 + (m - 1) + n
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The Shanghai month of an instant. */
export function monthOf(instant: InstantInput): Month {
  return shanghaiDate(instant).slice(0, 7)
}

/** 2026年10月 */
export function monthLabel(month: Month): string {
  const [y, m] = parts(month)
  return `${y}年${m}月`
}

/** First and last Shanghai dates of the month. */
export function monthDays(month: Month): { first: IsoDate; last: IsoDate } {
  parts(month)
  return { first: `${month}-01`, last: addDays(`${addMonths(month, 1)}-01`, -1) }
}

/**
 * The month as instants, half-open: `from` ≤ t < `to`, `to` being 00:00 Shanghai on the 1st of the next month. Query
 * with `>= from AND < to`, so that nothing at 23:59:59.999999 on the last day falls between two months.
 */
export function monthRange(month: Month): { from: Date; to: Date } {
  parts(month)
  return { from: startOfShanghaiDay(`${month}-01`), to: startOfShanghaiDay(`${addMonths(month, 1)}-01`) }
}

/** The month the report generated at `now` covers: the one before the current Shanghai month. */
export function previousMonth(now: InstantInput): Month {
  return addMonths(monthOf(now), -1)
}

/** The monthly report is generated on the 1st (Shanghai). */
export function isFirstDayOfMonth(now: InstantInput): boolean {
  return shanghaiDate(now).endsWith('-01')
}

/** A month can be reported once it is over in Shanghai; the current and future months cannot. */
export function checkReportMonth(month: Month, now: InstantInput): Result<null> {
  if (monthRange(month).to.getTime() > toInstant(now).getTime()) return fail('MONTH_NOT_ENDED')
  return ok(null)
}

/** The Monday of the week of a date (Chinese weeks start on 周一). */
export function weekStartOf(date: IsoDate): IsoDate {
  return addDays(date, 1 - isoWeekday(date))
}

export interface WeekBucket {
  /** Monday of the week: the label of the trend point. */
  weekStart: IsoDate
  /** The part of the range in this week (dates inclusive): the first and last weeks may be partial. */
  from: IsoDate
  to: IsoDate
}

/** The weeks of the dashboard trend over [from, to] (dates inclusive), oldest first. */
export function weeksOf(from: IsoDate, to: IsoDate): WeekBucket[] {
  if (compareDates(to, from) < 0) throw new RangeError(`range ends before it starts: ${from}..${to}`)
  const weeks: WeekBucket[] = []
  for (let weekStart = weekStartOf(from); compareDates(weekStart, to) <= 0; weekStart = addDays(weekStart, 7)) {
    const weekEnd = addDays(weekStart, 6)
    weeks.push({
      weekStart,
      from: compareDates(weekStart, from) < 0 ? from : weekStart,
      to: compareDates(weekEnd, to) > 0 ? to : weekEnd,
    })
  }
  return weeks
}

/** File name of the .xlsx export: 2026年10月诉求办理月报.xlsx */
export function reportFileName(month: Month): string {
  return `${monthLabel(month)}诉求办理月报.xlsx`
}
