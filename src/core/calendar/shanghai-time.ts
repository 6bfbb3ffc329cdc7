/**
 * Calendar dates and wall-clock times in Asia/Shanghai, computed with a fixed +08:00 offset.
 *
 * China has had no daylight saving time since 1991, so a fixed offset is exact for every date we handle, and it keeps
 * the result independent of the machine's TZ (a cloud function runs in UTC, a developer's laptop anywhere).
 * Nothing here reads the clock: instants come in as arguments.
 */

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export type IsoDate = string
/** A wall-clock time in Asia/Shanghai, 'HH:mm' (00:00–23:59). */
export type WallTime = string
/** An instant: a Date, or an ISO 8601 string that carries its offset ('Z' or '+08:00'). */
export type InstantInput = Date | string

export const SHANGHAI_OFFSET_MINUTES = 8 * 60
const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/
// An instant string must say which offset it is in: '2026-09-30T10:00' alone would be read in the machine's TZ.
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** Days since 1970-01-01 of a valid date, or null for anything that is not a real calendar date. */
function epochDay(date: string): number | null {
  const m = DATE_RE.exec(date)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  // Date.UTC rolls 2026-02-30 over to March: a real date survives the round trip unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null
  return ms / DAY_MS
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/**
 * The years of a date the product accepts. Wide enough for any real record, narrow enough that what is computed from
 * such a date (the next day, week or month, a year ahead) stays a 'YYYY-MM-DD' date this file can read again: years
 * 0000–0099 are not (Date.UTC reads them as 19xx), nor is anything after 9999-12-31.
 */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2199

/** A real calendar date 'YYYY-MM-DD' in the years MIN_YEAR–MAX_YEAR. */
export function isIsoDate(value: string): boolean {
  if (epochDay(value) === null) return false
  const year = Number(value.slice(0, 4))
  return year >= MIN_YEAR && year <= MAX_YEAR
}

export function isWallTime(value: string): boolean {
  return TIME_RE.test(value)
}

/** Minutes since midnight of an 'HH:mm' time. Throws on a malformed time (a bug: inputs are validated at the edge). */
export function minutesOfDay(time: WallTime): number {
  const m = TIME_RE.exec(time)
  if (!m) throw new RangeError(`not an HH:mm time: ${time}`)
  return Number(m[1]) * 60 + Number(m[2])
}

function dayNumber(date: IsoDate): number {
  const day = epochDay(date)
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return day
}

export function toInstant(value: InstantInput): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid Date')
    return value
  }
  if (!INSTANT_RE.test(value)) throw new RangeError(`not an ISO instant with offset: ${value}`)
  const instant = new Date(value)
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO instant: ${value}`)
  return instant
}

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: InstantInput): IsoDate {
  return fromEpochDay(Math.floor((toInstant(instant).getTime() + OFFSET_MS) / DAY_MS))
}

/** The Asia/Shanghai wall time (HH:mm) of an instant. */
export function shanghaiWallTime(instant: InstantInput): WallTime {
  return new Date(toInstant(instant).getTime() + OFFSET_MS).toISOString().slice(11, 16)
}

/** Accepts either a date ('YYYY-MM-DD', taken as is) or an instant (converted to its Shanghai date). */
export function toShanghaiDate(value: InstantInput): IsoDate {
  if (typeof value === 'string' && DATE_RE.test(value)) {
    dayNumber(value)
    return value
  }
  return shanghaiDate(value)
}

/** The instant at which the given Shanghai wall time occurs on the given date. */
export function shanghaiInstant(date: IsoDate, time: WallTime): Date {
  return new Date(dayNumber(date) * DAY_MS + minutesOfDay(time) * 60_000 - OFFSET_MS)
}

/** 00:00:00.000 Asia/Shanghai of the date. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(dayNumber(date) * DAY_MS - OFFSET_MS)
}

/** 23:59:59.999 Asia/Shanghai of the date: the last instant that still counts as "on" that day. */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - OFFSET_MS - 1)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(dayNumber(date) + days)
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a)
}

/** ISO weekday: 1 = Monday … 7 = Sunday (the way Chinese schedules say 周一…周日). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a))
}
