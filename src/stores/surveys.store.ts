import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { SurveyStatus } from '@/core/survey/survey.labels'
import type { SurveySummary } from '@/core/survey/survey.schema'
import { shownError, type ShownError } from '@/utils/errors'

/**
 * The surveys the caller sees (holders: those addressed to them; administrators: all, drafts too), and the
 * administrators' 发布 and 结束 on them.
 */
export class SurveysStore {
  items: SurveySummary[] = []
  loading = false
  loaded = false
  error: ShownError | null = null
  /** The survey a publish or close is running for. */
  busyId: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<SurveysStore, 'api'>(this, { api: false })
  }

  /** Holders: what they may answer now or answered. */
  get open(): SurveySummary[] {
    return this.items.filter((s) => s.phase === 'open')
  }

  async load(status?: SurveyStatus): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('surveys', 'list', status ? { status } : {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = shownError(res.error)
    })
  }

  async change(action: 'publish' | 'close', id: string): Promise<boolean> {
    this.busyId = id
    this.error = null
    const res = await this.api.call('surveys', action, { id })
    runInAction(() => {
      this.busyId = null
      if (res.ok) this.items = this.items.map((s) => (s.id === id ? { ...s, status: res.data.status, phase: res.data.phase } : s))
      else this.error = shownError(res.error)
    })
    return res.ok
  }
}
