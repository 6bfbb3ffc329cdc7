import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { isIsoDate, isoWeekday } from '@/core/calendar/shanghai-time'
import type { CalendarDay, CalendarView } from '@/core/org/org.schema'
import { shanghaiToday } from '@/utils/time'

export const CALENDAR_SOURCE_LABELS: Record<CalendarView['source'], string> = {
  district: '已确认',
  'chinese-days': '待确认（按国务院放假安排）',
  none: '无数据（暂按周一至周五上班计算）',
}

/**
 * 节假日安排 of one year (this year or the next): the days off and 调休 working days the backend knows
 * (`org.calendar`), edited here — 休/班, add a date, remove one — and confirmed with `org.saveCalendar`, which marks
 * the year as the district's. Created by the admin page (subpackage).
 */
export class CalendarStore {
  readonly thisYear: number
  year: number
  calendar: CalendarView | null = null
  /** The edited days, sorted by date. */
  days: CalendarDay[] = []
  dirty = false
  loaded = false
  loading = false
  error: string | null = null
  addError: string | null = null
  saving = false
  saveError: string | null = null
  saved = false
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    now: number = Date.now(),
  ) {
    this.thisYear = Number(shanghaiToday(now).slice(0, 4))
    this.year = this.thisYear
    makeAutoObservable<CalendarStore, 'api' | 'generation'>(this, { api: false, generation: false })
  }

  get years(): number[] {
    return [this.thisYear, this.thisYear + 1]
  }

  get offCount(): number {
    return this.days.filter((day) => day.off).length
  }

  setYear(year: number): Promise<void> {
    this.year = year
    return this.load()
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    const year = this.year
    this.loading = true
    this.error = null
    this.saveError = null
    this.addError = null
    this.saved = false
    const res = await this.api.call('org', 'calendar', { year })
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) this.fill(res.data.calendar)
      else {
        this.calendar = null
        this.days = []
        this.error = res.error.message
      }
    })
  }

  private fill(calendar: CalendarView): void {
    this.calendar = calendar
    this.days = [...calendar.days].sort((a, b) => a.date.localeCompare(b.date))
    this.dirty = false
  }

  /** 休 ⇄ 班. */
  toggle(date: string): void {
    this.days = this.days.map((day) => (day.date === date ? { ...day, off: !day.off } : day))
    this.dirty = true
    this.saved = false
  }

  remove(date: string): void {
    this.days = this.days.filter((day) => day.date !== date)
    this.dirty = true
    this.saved = false
  }

  /** Adds a date of the shown year: a weekday becomes a day off (休), a weekend day a 调休 working day (班). */
  addDate(value: string): boolean {
    const date = value.trim()
    this.addError = null
    if (!isIsoDate(date)) {
      this.addError = `请输入有效的日期，如 ${this.year}-10-01，或点「＋ 选择日期」`
      return false
    }
    if (!date.startsWith(`${this.year}-`)) {
      this.addError = `日期须在${this.year}年内`
      return false
    }
    if (this.days.some((day) => day.date === date)) {
      this.addError = '该日期已在列表中'
      return false
    }
    const weekend = isoWeekday(date) >= 6
    this.days = [...this.days, { date, off: !weekend, name: null }].sort((a, b) => a.date.localeCompare(b.date))
    this.dirty = true
    this.saved = false
    return true
  }

  /** 确认并保存: the year's days as the district's, confirmed. */
  async save(): Promise<boolean> {
    const year = this.year
    this.saving = true
    this.saveError = null
    this.saved = false
    const days = this.days.map((day) => ({ date: day.date, off: day.off }))
    const res = await this.api.call('org', 'saveCalendar', { year, days })
    runInAction(() => {
      this.saving = false
      if (year !== this.year) return
      if (res.ok) {
        this.fill(res.data.calendar)
        this.saved = true
      } else {
        this.saveError = res.error.message
      }
    })
    return res.ok
  }
}
