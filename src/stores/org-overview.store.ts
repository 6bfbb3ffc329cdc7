import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { OrgResponses } from '@/core/org/org.schema'

export type Overview = OrgResponses['overview']

/**
 * What the home page shows administrators and leaders (`org.overview`): the first-run checklist (administrators) and
 * the holiday-calendar warnings. Type-only imports: zod stays out of the main package.
 */
export class OrgOverviewStore {
  checklist: Overview['checklist'] = []
  calendarWarnings: Overview['calendarWarnings'] = []
  loaded = false
  loading = false
  error: string | null = null
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    /** Receives the district profile the overview carries (the home page title). */
    private readonly onDistrict: (district: Overview['district']) => void = () => {},
  ) {
    makeAutoObservable<OrgOverviewStore, 'api' | 'onDistrict' | 'generation'>(this, { api: false, onDistrict: false, generation: false })
  }

  get checklistDone(): boolean {
    return this.checklist.length > 0 && this.checklist.every((entry) => entry.done)
  }

  async load(): Promise<void> {
    const generation = ++this.generation
    this.loading = true
    this.error = null
    const res = await this.api.call('org', 'overview', {})
    runInAction(() => {
      if (generation !== this.generation) return
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.checklist = res.data.checklist
        this.calendarWarnings = res.data.calendarWarnings
        this.onDistrict(res.data.district)
      } else {
        this.error = res.error.message
      }
    })
  }

  reset(): void {
    this.generation++
    this.checklist = []
    this.calendarWarnings = []
    this.loaded = false
    this.loading = false
    this.error = null
  }
}
