import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { addDays, shanghaiDate, type IsoDate } from '@/core/calendar/shanghai-time'
import type { DashboardView, TrendPoint } from '@/core/report/report.schema'
import { monthLabel, weekStartOf, type Month } from '@/core/report/report.months'
import type { ShownError } from '@/utils/errors'

/** Weeks of the trend chart: this one and the eleven before it. */
export const TREND_WEEKS = 12

export interface DashboardRanges {
  today: IsoDate
  month: Month
  /** This month so far: the 1st to today. */
  period: { from: IsoDate; to: IsoDate }
  /** The trend's weeks: the Monday eleven weeks back to today. */
  trend: { from: IsoDate; to: IsoDate }
}

/** The ranges of the dashboard on a given day (Shanghai). Pure. */
export function dashboardRanges(now: number): DashboardRanges {
  const today = shanghaiDate(new Date(now))
  const month = today.slice(0, 7)
  return {
    today,
    month,
    period: { from: `${month}-01`, to: today },
    trend: { from: addDays(weekStartOf(today), -7 * (TREND_WEEKS - 1)), to: today },
  }
}

/**
 * 领导驾驶舱: today's and this month's figures, by category and department ranking (one `reports.dashboard` over this
 * month), and the weekly trend of the last twelve weeks (a second call over those weeks, of which only the trend is
 * used). Live figures, computed by the backend on each load.
 */
export class DashboardStore {
  view: DashboardView | null = null
  trend: TrendPoint[] = []
  ranges: DashboardRanges
  loading = false
  loaded = false
  error: ShownError | null = null

  constructor(
    private readonly api: ApiClient,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.ranges = dashboardRanges(now())
    makeAutoObservable<DashboardStore, 'api' | 'now'>(this, { api: false, now: false })
  }

  get monthTitle(): string {
    return monthLabel(this.ranges.month)
  }

  async load(): Promise<void> {
    const ranges = dashboardRanges(this.now())
    this.ranges = ranges
    this.loading = true
    this.error = null
    const [month, weeks] = await Promise.all([
      this.api.call('reports', 'dashboard', ranges.period),
      this.api.call('reports', 'dashboard', ranges.trend),
    ])
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (month.ok) {
        this.view = month.data
        // Without the longer range the month's own weeks still make a trend.
        this.trend = weeks.ok ? weeks.data.trend : month.data.trend
      } else {
        this.error = { code: month.error.code, message: month.error.message }
      }
    })
  }
}
