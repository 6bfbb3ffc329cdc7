import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { createReportDownloader, type ReportDownloader } from '@/api/download'
import { shanghaiDate } from '@/core/calendar/shanghai-time'
import type { AnnualReportView, MonthlyReportView } from '@/core/report/report.schema'
import { addMonths, type Month } from '@/core/report/report.months'
import type { ShownError } from '@/utils/errors'

export type ReportTab = 'monthly' | 'annual'

/** The month a leader most likely wants: the last one reported (the previous month, Shanghai). */
export function defaultReportMonth(now: number): Month {
  return addMonths(shanghaiDate(new Date(now)).slice(0, 7), -1)
}

/**
 * 月度报表: the frozen report of a month (all departments and the district total), its .xlsx, and the annual view
 * (twelve months per department). A month not generated yet answers REPORT_NOT_READY, shown as such.
 */
export class ReportStore {
  tab: ReportTab = 'monthly'
  month: Month
  /** The latest month that can have a report (the previous month): the picker goes no further. */
  readonly latestMonth: Month
  monthly: MonthlyReportView | null = null
  year: number
  annual: AnnualReportView | null = null
  loading = false
  error: ShownError | null = null
  exporting = false
  exportError: ShownError | null = null
  exported: string | null = null
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    /** How the .xlsx gets onto the device: a Blob link in H5, openDocument in the mini program. */
    private readonly downloader: ReportDownloader = createReportDownloader(api),
    now: number = Date.now(),
  ) {
    this.month = defaultReportMonth(now)
    this.latestMonth = this.month
    this.year = Number(this.month.slice(0, 4))
    makeAutoObservable<ReportStore, 'api' | 'downloader' | 'generation'>(this, { api: false, downloader: false, generation: false })
  }

  get notReady(): boolean {
    return this.error?.code === 'REPORT_NOT_READY'
  }

  get canGoNext(): boolean {
    return this.tab === 'monthly' ? this.month < this.latestMonth : this.year < Number(this.latestMonth.slice(0, 4))
  }

  setTab(tab: ReportTab): Promise<void> {
    this.tab = tab
    return this.load()
  }

  /** One month (or year) back or forward. */
  step(delta: -1 | 1): Promise<void> {
    if (delta > 0 && !this.canGoNext) return Promise.resolve()
    if (this.tab === 'monthly') this.month = addMonths(this.month, delta)
    else this.year += delta
    return this.load()
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    this.exported = null
    this.exportError = null
    if (this.tab === 'monthly') {
      const res = await this.api.call('reports', 'monthly', { month: this.month })
      runInAction(() => {
        if (generation !== this.generation) return
        this.loading = false
        this.monthly = res.ok ? res.data : null
        if (!res.ok) this.error = { code: res.error.code, message: res.error.message }
      })
    } else {
      const res = await this.api.call('reports', 'annual', { year: this.year })
      runInAction(() => {
        if (generation !== this.generation) return
        this.loading = false
        this.annual = res.ok ? res.data : null
        if (!res.ok) this.error = { code: res.error.code, message: res.error.message }
      })
    }
  }

  /** 下载 Excel: the .xlsx of the month shown. */
  async exportXlsx(): Promise<boolean> {
    if (this.exporting) return false
    this.exporting = true
    this.exportError = null
    this.exported = null
    const res = await this.downloader.download(this.month)
    runInAction(() => {
      this.exporting = false
      if (res.ok) this.exported = res.data.fileName
      else this.exportError = { code: res.error.code, message: res.error.message }
    })
    return res.ok
  }
}
