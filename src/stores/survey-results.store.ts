import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { createSurveyDownloader } from '@/api/download'
import type { Result } from '@/core/errors/result'
import type { SurveyResultsView } from '@/core/survey/survey.schema'
import { shownError, type ShownError } from '@/utils/errors'

/**
 * A survey's results: aggregates for every reader (a handler's own score and findings only), who has not answered for
 * administrators and 提醒未填写, 转为诉求 of a finding, and the .xlsx export.
 */
export class SurveyResultsStore {
  data: SurveyResultsView | null = null
  loading = false
  error: ShownError | null = null
  /** The finding being turned into a problem. */
  converting: string | null = null
  exporting = false
  exported: string | null = null
  reminding = false
  /** What the last 提醒未填写 of this page did: how many were told now. */
  reminded: number | null = null
  /** Administrators: the departments a finding may be assigned to (its item's, or another). */
  departments: Array<{ id: string; name: string }> = []
  /** Finding (item id) → the department chosen for it, when not the item's own. */
  chosen: Record<string, string> = {}

  constructor(
    private readonly api: ApiClient,
    private readonly downloader: { download(surveyId: string): Promise<Result<{ fileName: string }>> } = createSurveyDownloader(api),
  ) {
    makeAutoObservable<SurveyResultsStore, 'api' | 'downloader'>(this, { api: false, downloader: false })
  }

  async load(id: string): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('surveys', 'results', { id })
    runInAction(() => {
      this.loading = false
      if (res.ok) this.data = res.data
      else this.error = shownError(res.error)
    })
  }

  departmentName(id: string | null): string {
    return id ? (this.data?.departmentNames[id] ?? this.departments.find((d) => d.id === id)?.name ?? '') : ''
  }

  async loadDepartments(): Promise<void> {
    const res = await this.api.call('stations', 'directory')
    runInAction(() => {
      if (res.ok) this.departments = res.data.departments
    })
  }

  /** The department a finding goes to: the one chosen, else its item's own. */
  departmentFor(finding: { itemId: string; departmentId: string | null }): string | null {
    return this.chosen[finding.itemId] ?? finding.departmentId
  }

  choose(itemId: string, departmentId: string): void {
    this.chosen = { ...this.chosen, [itemId]: departmentId }
  }

  /** The problem a finding became, if it did. */
  problemOf(itemId: string) {
    return this.data?.problems.find((p) => p.itemId === itemId) ?? null
  }

  async toProblem(itemId: string, departmentId: string): Promise<boolean> {
    const data = this.data
    if (!data || this.converting) return false
    this.converting = itemId
    this.error = null
    const res = await this.api.call('surveys', 'toProblem', { id: data.survey.id, itemId, departmentId })
    runInAction(() => {
      this.converting = null
      if (res.ok && this.data) this.data = { ...this.data, problems: [...this.data.problems.filter((p) => p.itemId !== itemId), res.data] }
      else if (!res.ok) this.error = shownError(res.error)
    })
    return res.ok
  }

  /** 提醒未填写: each contact not yet reminded today gets a message; the page then shows when it went out. */
  async remind(): Promise<void> {
    const data = this.data
    if (!data || this.reminding) return
    this.reminding = true
    this.error = null
    const res = await this.api.call('surveys', 'remind', { id: data.survey.id })
    runInAction(() => {
      this.reminding = false
      if (res.ok && this.data) {
        this.reminded = res.data.recipients
        if (res.data.recipients > 0) this.data = { ...this.data, lastReminder: res.data }
      } else if (!res.ok) this.error = shownError(res.error)
    })
  }

  async exportXlsx(): Promise<void> {
    if (!this.data || this.exporting) return
    this.exporting = true
    this.exported = null
    const res = await this.downloader.download(this.data.survey.id)
    runInAction(() => {
      this.exporting = false
      if (res.ok) this.exported = res.data.fileName
      else this.error = shownError(res.error)
    })
  }
}
