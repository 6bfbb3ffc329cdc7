import { isoWeekday, shanghaiDate, toInstant, type InstantInput, type IsoDate } from '@/core/calendar/shanghai-time'

/**
 * Display helpers in Asia/Shanghai (fixed +08:00, never the phone's zone), on top of the core's shanghai-time.
 * Pure: the clock comes in as an argument.
 */
const OFFSET_MS = 8 * 60 * 60_000
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** 'HH:mm' of an instant in Asia/Shanghai. */
export function shanghaiClock(instant: InstantInput): string {
  return new Date(toInstant(instant).getTime() + OFFSET_MS).toISOString().slice(11, 16)
}

/** 周一 … 周日 of a 'YYYY-MM-DD' date. */
export function weekdayLabel(date: IsoDate): string {
  return WEEKDAYS[isoWeekday(date) - 1]
}

/** '3月10日 周二' */
export function dayLabel(date: IsoDate): string {
  const [, month, day] = date.split('-').map(Number)
  return `${month}月${day}日 ${weekdayLabel(date)}`
}

/** '09:00–09:30' of two instants. */
export function timeRange(start: InstantInput, end: InstantInput): string {
  return `${shanghaiClock(start)}–${shanghaiClock(end)}`
}

/** '3月10日 周二 09:00–09:30' of an interval on one Shanghai day. */
export function slotLabel(start: InstantInput, end: InstantInput): string {
  return `${dayLabel(shanghaiDate(start))} ${timeRange(start, end)}`
}

/** Today's date in Asia/Shanghai. */
export function shanghaiToday(now: number = Date.now()): IsoDate {
  return shanghaiDate(new Date(now))
}

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? ''
}

export function distanceText(km: number): string {
  return km < 1 ? `${Math.round(km * 1000)}米` : `${km.toFixed(km < 10 ? 1 : 0)}公里`
}
