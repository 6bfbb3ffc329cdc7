import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { isMonth, type Month } from '@/core/rating/rating.month'
import type { ScoresView } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'
import { shanghaiToday } from '@/utils/time'

/** 'YYYY-MM' moved by whole months. */
export function addMonths(month: Month, delta: number): Month {
  const [year, m] = month.split('-').map(Number)
  const index = year * 12 + (m - 1) + delta
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** '2026年3月' */
export function monthLabel(month: Month): string {
  const [year, m] = month.split('-').map(Number)
  return `${year}年${m}月`
}

/** An average to one decimal, '—' when nothing was counted. */
export function averageText(value: number | null): string {
  return value === null ? '—' : value.toFixed(1)
}

/** 满意率 as a percentage to one decimal, '—' when nothing was counted. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/**
 * 评价统计 of one month: per department and per staff member (leaders and admins see every department; a handler
 * sees their own, `departmentId` set). Starts at the current month in Asia/Shanghai; no month after it.
 */
export class ScoresStore {
  month: Month
  /** A handler's own department; null: every department the caller may see. */
  departmentId: string | null = null
  data: ScoresView | null = null
  loading = false
  error: ShownError | null = null
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    private readonly today: () => string = () => shanghaiToday(),
  ) {
    this.month = today().slice(0, 7)
    makeAutoObservable<ScoresStore, 'api' | 'today' | 'generation'>(this, { api: false, today: false, generation: false })
  }

  get currentMonth(): Month {
    return this.today().slice(0, 7)
  }

  get canGoForward(): boolean {
    return this.month < this.currentMonth
  }

  /** Which department to show (a handler's own), before the first load. */
  setDepartment(departmentId: string | null): void {
    this.departmentId = departmentId
  }

  /** Staff of the departments shown, each with the name of their department. */
  get staffRows(): Array<ScoresView['staff'][number] & { departmentName: string | null }> {
    const data = this.data
    if (!data) return []
    const names = new Map(data.departments.map((department) => [department.departmentId, department.name]))
    return data.staff.map((row) => ({ ...row, departmentName: row.departmentId ? (names.get(row.departmentId) ?? null) : null }))
  }

  setMonth(month: string): Promise<void> {
    if (!isMonth(month) || month > this.currentMonth) return Promise.resolve()
    this.month = month
    return this.load()
  }

  shiftMonth(delta: number): Promise<void> {
    return this.setMonth(addMonths(this.month, delta))
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    const month = this.month
    this.loading = true
    this.error = null
    const payload = this.departmentId ? { month, departmentId: this.departmentId } : { month }
    const res = await this.api.call('ratings', 'scores', payload)
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      if (res.ok) this.data = res.data
      else {
        this.data = null
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
  }
}
