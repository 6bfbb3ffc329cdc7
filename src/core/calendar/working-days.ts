import { getDayDetail, getHolidaysInRange } from 'chinese-days'
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
}

// chinese-days reads a 'YYYY-MM-DD' string as UTC midnight but then uses local getters, which gives the previous day
// west of Greenwich. A local-midnight Date has the right local year/month/day in every TZ, so we only pass those.
function localMidnight(date: IsoDate): Date {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(y, m - 1, d)
}

const coveredYears = new Map<number, boolean>()

/** Whether chinese-days has the official holiday arrangement for the year of this date. */
export function holidayDataCovers(date: InstantInput): boolean {
  const year = Number(toShanghaiDate(date).slice(0, 4))
  let covered = coveredYears.get(year)
  if (covered === undefined) {
    // Every published year has at least New Year's Day; an unpublished one has no holidays at all.
    covered = getHolidaysInRange(new Date(year, 0, 1), new Date(year, 11, 31), false).length > 0
    coveredYears.set(year, covered)
  }
  return covered
}

export function isWorkingDay(date: InstantInput, options: WorkingDayOptions = {}): boolean {
  const day = toShanghaiDate(date)
  const override = options.overrides?.[day]
  if (override !== undefined) return override
  if (!holidayDataCovers(day)) return isoWeekday(day) <= 5
  const detail = getDayDetail(localMidnight(day))
  if (detail.date !== day) throw new Error(`chinese-days answered for ${detail.date} instead of ${day}`)
  return detail.work
}

/** Name of the holiday or make-up day from the data ('国庆节', '春节' …), or null on an ordinary day. */
export function holidayName(date: InstantInput): string | null {
  const day = toShanghaiDate(date)
  if (!holidayDataCovers(day)) return null
  const { name } = getDayDetail(localMidnight(day))
  // Ordinary days are named after the weekday in English ('Monday'); holidays as 'National Day,国庆节,3'.
  const parts = name.split(',')
  return parts.length >= 2 ? parts[1] : null
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
