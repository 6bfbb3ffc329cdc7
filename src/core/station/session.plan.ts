import { fail, ok, type Result } from '../errors'
import { addDays, compareDates, isoWeekday, minutesOfDay, shanghaiInstant, type IsoDate, type WallTime } from '../calendar/shanghai-time'
import { holidayName, isHoliday, type WorkingDayOptions } from '../calendar/working-days'

export interface FixedDayRule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number
  start: WallTime
  end: WallTime
  validFrom: IsoDate
  validTo: IsoDate
}

export interface PlannedSession {
  date: IsoDate
  start: WallTime
  end: WallTime
}

export interface PlanRange {
  /** First date considered (usually today in Shanghai, passed in). */
  from: IsoDate
  /** How many weeks ahead, 1–52. */
  weeks: number
}

/** Dates of the fixed day inside the range and its validity, before holidays are taken out. */
function candidateDates(fixedDay: FixedDayRule, range: PlanRange): IsoDate[] {
  if (!Number.isInteger(range.weeks) || range.weeks < 1 || range.weeks > 52) {
    throw new RangeError(`weeks must be 1–52, got ${range.weeks}`)
  }
  if (!Number.isInteger(fixedDay.weekday) || fixedDay.weekday < 1 || fixedDay.weekday > 7) {
    throw new RangeError(`weekday must be 1–7, got ${fixedDay.weekday}`)
  }
  const last = addDays(range.from, range.weeks * 7 - 1)
  const first = addDays(range.from, (fixedDay.weekday - isoWeekday(range.from) + 7) % 7)
  const dates: IsoDate[] = []
  for (let date = first; compareDates(date, last) <= 0; date = addDays(date, 7)) {
    if (compareDates(date, fixedDay.validFrom) >= 0 && compareDates(date, fixedDay.validTo) <= 0) dates.push(date)
  }
  return dates
}

/**
 * Sessions a fixed service day (固定日) generates from `range.from` for `range.weeks` weeks, within its validity.
 *
 * A fixed day is tied to its weekday: "every Tuesday" is held on Tuesdays only. A Tuesday that falls in a statutory
 * holiday is skipped (no session, nothing to book). A 调休 make-up Saturday is officially a working day but not a
 * Tuesday, so it gets no Tuesday session — staff rosters and the public notice say "every Tuesday", and
 * enterprises would not look for the station on a Saturday. A fixed day on a weekend (weekday 6 or 7) is held on
 * ordinary weekends and skipped only when that weekend day belongs to a holiday.
 */
export function planFixedDaySessions(fixedDay: FixedDayRule, range: PlanRange, options: WorkingDayOptions = {}): PlannedSession[] {
  return candidateDates(fixedDay, range)
    .filter((date) => !isHoliday(date, options))
    .map((date) => ({ date, start: fixedDay.start, end: fixedDay.end }))
}

/** The fixed-day dates in the range that a holiday takes out, with the holiday's name, to show the admin why. */
export function skippedFixedDays(
  fixedDay: FixedDayRule,
  range: PlanRange,
  options: WorkingDayOptions = {},
): Array<{ date: IsoDate; holiday: string }> {
  return candidateDates(fixedDay, range)
    .filter((date) => isHoliday(date, options))
    .map((date) => ({ date, holiday: holidayName(date) ?? '节假日' }))
}

export interface SessionWindow {
  date: IsoDate
  start: WallTime
  end: WallTime
  slotMinutes: number
}

/** A slot's interval as ISO 8601 instants (UTC, 'Z'), half-open: [start, end). */
export interface SlotInterval {
  start: string
  end: string
}

/**
 * The slots of a session: consecutive intervals of `slotMinutes` from start to end, Shanghai wall time turned into
 * instants. A window that ends before it starts or does not hold a whole number of slots is refused rather than
 * trimmed, so the admin sees the mistake instead of a silently shorter last slot.
 */
export function slotsFor(session: SessionWindow): Result<SlotInterval[]> {
  const startMinutes = minutesOfDay(session.start)
  const length = minutesOfDay(session.end) - startMinutes
  if (!Number.isInteger(session.slotMinutes) || session.slotMinutes <= 0) {
    return fail('VALIDATION_FAILED', '时段长度须为正整数分钟')
  }
  if (length <= 0) return fail('VALIDATION_FAILED', '结束时间须晚于开始时间')
  if (length % session.slotMinutes !== 0) {
    return fail('VALIDATION_FAILED', `服务时间（${length}分钟）须是时段长度（${session.slotMinutes}分钟）的整数倍`)
  }
  const first = shanghaiInstant(session.date, session.start).getTime()
  const step = session.slotMinutes * 60_000
  return ok(
    Array.from({ length: length / session.slotMinutes }, (_, i) => ({
      start: new Date(first + i * step).toISOString(),
      end: new Date(first + (i + 1) * step).toISOString(),
    })),
  )
}
