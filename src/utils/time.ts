import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { daysBetween, isoWeekday, shanghaiDate, toInstant, type InstantInput, type IsoDate } from '@/core/calendar/shanghai-time'

/**
 * How the product shows dates and times, the Chinese way (12月8日 周二, 今天 14:00, 3天前), always in Asia/Shanghai
 * (fixed +08:00, never the phone's zone), on top of the core's shanghai-time. Every page shows dates through this
 * module. Pure: the clock comes in as an argument (defaulting to now at the call). A date string is read by dayjs
 * as the phone's local midnight and formatted back in that same zone, so its day and weekday never shift.
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

/** '3月10日 周二' (one argument: it is mapped over lists of dates). */
export function dayLabel(date: IsoDate): string {
  return dayjs(date).locale('zh-cn').format('M月D日 ddd')
}

/** dayLabel, with the year when it is not this one: '2027年1月5日 周二'. */
function dayLabelFrom(date: IsoDate, today: IsoDate): string {
  return today.slice(0, 4) === date.slice(0, 4) ? dayLabel(date) : dayjs(date).locale('zh-cn').format('YYYY年M月D日 ddd')
}

/** A calendar date (a deadline, a policy's dates): dayLabel, with the year when it is not this one. */
export function dateText(date: IsoDate, now: number = Date.now()): string {
  return dayLabelFrom(date, shanghaiToday(now))
}

const NEAR_DAYS: Record<number, string> = { [-2]: '前天', [-1]: '昨天', 0: '今天', 1: '明天', 2: '后天' }

/** The day of an instant seen from today: '今天', '明天', '昨天' …, else dayLabel ('12月8日 周二'). */
export function dayText(instant: InstantInput, now: number = Date.now()): string {
  const today = shanghaiToday(now)
  const date = shanghaiDate(instant)
  return NEAR_DAYS[daysBetween(today, date)] ?? dayLabelFrom(date, today)
}

/** An instant seen from now: '今天 14:00', '昨天 09:30', '12月8日 周二 14:00', '2025年12月8日 周一 14:00'. */
export function momentText(instant: InstantInput, now: number = Date.now()): string {
  return `${dayText(instant, now)} ${shanghaiClock(instant)}`
}

/** How long ago: '刚刚', '5分钟前', '3小时前', '3天前'; from a month back on, its day ('11月2日 周一'). */
export function agoText(instant: InstantInput, now: number = Date.now()): string {
  const minutes = Math.floor((now - toInstant(instant).getTime()) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes}分钟前`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)}小时前`
  const days = daysBetween(shanghaiDate(instant), shanghaiToday(now))
  return days < 30 ? `${days}天前` : dayLabelFrom(shanghaiDate(instant), shanghaiToday(now))
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
