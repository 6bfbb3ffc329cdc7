import calendarData from 'chinese-days/dist/chinese-days.json'
import {
  addDays,
  compareDates,
  endOfShanghaiDay,
  isoWeekday,
  toShanghaiDate,
  type InstantInput,
  type IsoDate,
} from './shanghai-time'

/**
 * Working days of mainland China: Monday–Friday, minus statutory holidays, plus the 调休 make-up days (a Saturday or
 * Sunday declared a working day). The data comes from chinese-days, which carries the State Council's yearly notice.
 *
 * Deadline rule (used for problems: sign-for 1 working day, resolution 10, rectification 15):
 *   A thing received at instant t has, for n ≥ 1, its deadline at 23:59:59.999 Asia/Shanghai of the n-th working day
 *   strictly after the Shanghai calendar day of t. The day of receipt never counts, whatever the hour, so a problem
 *   received on Friday at 08:00 and one received on Friday at 23:00 share a deadline. Something received on a
 *   non-working day therefore starts counting at the next working day, which is day 1: received Saturday, a 1-day
 *   deadline ends Monday night — exactly like something received late on Friday. The deadline never moves earlier
 *   when t moves later.
 *   n = 0 means "the same working day": the end of the day of t if it is a working day, else of the next working day.
 *
 * Years the holiday data does not cover yet (the notice for year Y is published late in Y−1, and the package has to be
 * updated) fall back to plain Monday–Friday. `holidayDataCovers` tells callers when that happens, and `overrides`
 * lets the backend pass in days from the official notice before the package catches up.
 */

export interface WorkingDayOptions {
  /** Days decided outside the package: true = working day (调休 make-up), false = day off. Wins over the data. */
  overrides?: Readonly<Record<IsoDate, boolean>>
  /**
   * Years whose arrangement the district entered itself ('2027'): their exceptions to Monday–Friday are exactly the
   * overrides of that year, and the package's data for it is not read (a day the district removed stays removed).
   */
  ownYears?: ReadonlySet<string>
}

// We read chinese-days' published table rather than call its functions: the functions (and the tables they build at
// load time) parse 'YYYY-MM-DD' as UTC midnight and format with local getters, which shifts every day by one west of
// Greenwich — e.g. under TZ=America/New_York it calls 2026-10-10 (a 调休 Saturday) a day off. The JSON holds the
// arrangement keyed by date strings, which is all we need and is the same in every TZ.
// Values look like "National Day,国庆节,3": English name, Chinese name, length.
const HOLIDAYS: Readonly<Record<string, string>> = calendarData.holidays
const MAKE_UP_DAYS: Readonly<Record<string, string>> = calendarData.workdays

const COVERED_YEARS: ReadonlySet<string> = new Set(Object.keys(HOLIDAYS).map((date) => date.slice(0, 4)))

/** First and last year that have the official arrangement in the installed chinese-days. */
export const HOLIDAY_DATA_YEARS = {
  first: Math.min(...[...COVERED_YEARS].map(Number)),
  last: Math.max(...[...COVERED_YEARS].map(Number)),
} as const

/** Whether chinese-days has the official holiday arrangement for the year of this date. */
export function holidayDataCovers(date: InstantInput): boolean {
  // Every published year has at least New Year's Day; an unpublished one has no entry at all.
  return COVERED_YEARS.has(toShanghaiDate(date).slice(0, 4))
}

export function isWorkingDay(date: InstantInput, options: WorkingDayOptions = {}): boolean {
  const day = toShanghaiDate(date)
  const override = options.overrides?.[day]
  if (override !== undefined) return override
  if (!options.ownYears?.has(day.slice(0, 4))) {
    if (MAKE_UP_DAYS[day]) return true
    if (HOLIDAYS[day]) return false
  }
  return isoWeekday(day) <= 5
}

/**
 * A statutory holiday (法定节假日 and the days joined to it), as opposed to an ordinary weekend: 2026-10-03, a Saturday
 * inside 国庆节, is one; 2026-03-14, an ordinary Saturday, is not. An override of false counts as a holiday.
 */
export function isHoliday(date: InstantInput, options: WorkingDayOptions = {}): boolean {
  const day = toShanghaiDate(date)
  const override = options.overrides?.[day]
  if (override !== undefined) return !override
  if (options.ownYears?.has(day.slice(0, 4))) return false
  return !!HOLIDAYS[day] && !MAKE_UP_DAYS[day]
}

/**
 * The package's arrangement of one year as exceptions to Monday–Friday (off = true: a weekday off; off = false: a
 * 调休 working weekend day), with the holidays' Chinese names; empty for a year it does not cover.
 */
export function packageYear(year: number): Array<{ date: IsoDate; off: boolean; name: string | null }> {
  const prefix = `${year}-`
  const days = [
    ...Object.keys(HOLIDAYS).filter((date) => date.startsWith(prefix) && !MAKE_UP_DAYS[date] && isoWeekday(date) <= 5).map((date) => ({ date, off: true })),
    ...Object.keys(MAKE_UP_DAYS).filter((date) => date.startsWith(prefix) && isoWeekday(date) > 5).map((date) => ({ date, off: false })),
  ]
  return days.sort((a, b) => compareDates(a.date, b.date)).map((day) => ({ ...day, name: holidayName(day.date) }))
}

/** Chinese name of the holiday or 调休 make-up day ('国庆节', '春节' …), or null on an ordinary day. */
export function holidayName(date: InstantInput): string | null {
  const day = toShanghaiDate(date)
  const entry = MAKE_UP_DAYS[day] ?? HOLIDAYS[day]
  return entry ? (entry.split(',')[1] ?? null) : null
}

/** The first working day strictly after the given date. */
export function nextWorkingDay(date: InstantInput, options: WorkingDayOptions = {}): IsoDate {
  let day = addDays(toShanghaiDate(date), 1)
  // The longest run of days off in the data is 9 (春节 2026); 60 only guards against a broken override table.
  for (let i = 0; i < 60; i++, day = addDays(day, 1)) {
    if (isWorkingDay(day, options)) return day
  }
  throw new Error(`no working day within 60 days after ${date}`)
}

/** The n-th working day after the date (see the rule above; n = 0 → that date if working, else the next one). */
export function nthWorkingDayAfter(date: InstantInput, n: number, options: WorkingDayOptions = {}): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`)
  const start = toShanghaiDate(date)
  if (n === 0) return isWorkingDay(start, options) ? start : nextWorkingDay(start, options)
  let day = start
  for (let i = 0; i < n; i++) day = nextWorkingDay(day, options)
  return day
}

/** Deadline instant: end (23:59:59.999 Asia/Shanghai) of the n-th working day after the day of `received`. */
export function addWorkingDays(received: InstantInput, n: number, options: WorkingDayOptions = {}): Date {
  return endOfShanghaiDay(nthWorkingDayAfter(received, n, options))
}

/**
 * Working days in the half-open range (a, b]: a itself is not counted, b is. So for any t and n ≥ 1,
 * workingDaysBetween(t, addWorkingDays(t, n)) === n. Negative when b is before a.
 */
export function workingDaysBetween(a: InstantInput, b: InstantInput, options: WorkingDayOptions = {}): number {
  const from = toShanghaiDate(a)
  const to = toShanghaiDate(b)
  const order = compareDates(to, from)
  if (order === 0) return 0
  const [lo, hi] = order > 0 ? [from, to] : [to, from]
  let count = 0
  for (let day = addDays(lo, 1); compareDates(day, hi) <= 0; day = addDays(day, 1)) {
    if (isWorkingDay(day, options)) count++
  }
  return order * count
}
