import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { addDays } from '@/core/calendar/shanghai-time'
import type { HolderType } from '@/core/card/qualification'
import type { SurveyIndustry } from '@/core/survey/survey.labels'
import { SURVEY_LIMITS } from '@/core/survey/survey.limits'
import type { SurveySaveInput } from '@/core/survey/survey.schema'
import { BUSINESS_ENVIRONMENT_TEMPLATE } from '@/core/survey/survey.template'
import { shownError, type ShownError } from '@/utils/errors'
import { shanghaiToday } from '@/utils/time'

/** How long a new survey runs by default: two weeks from today. */
export const DEFAULT_SURVEY_DAYS = 14

/**
 * An administrator building a survey from the 营商环境 template: title, dates, audience, and for each aspect the
 * department its rating items judge (the template names none: the district's departments are its own). Saved as a
 * draft, then published from the list.
 */
export class SurveyBuilderStore {
  title: string = BUSINESS_ENVIRONMENT_TEMPLATE.title
  opensOn: string
  closesOn: string
  cardTypes: HolderType[] = []
  industries: SurveyIndustry[] = []
  /** Aspect (section id) → department id of its rating items. */
  departmentsBySection: Record<string, string> = {}
  departments: Array<{ id: string; name: string }> = []
  saving = false
  error: ShownError | null = null
  savedId: string | null = null

  constructor(
    private readonly api: ApiClient,
    today: string = shanghaiToday(),
  ) {
    this.opensOn = today
    this.closesOn = addDays(today, DEFAULT_SURVEY_DAYS)
    makeAutoObservable<SurveyBuilderStore, 'api'>(this, { api: false })
  }

  get sections() {
    return BUSINESS_ENVIRONMENT_TEMPLATE.sections
  }

  async loadDepartments(): Promise<void> {
    const res = await this.api.call('stations', 'directory')
    runInAction(() => {
      if (res.ok) this.departments = res.data.departments
      else this.error = shownError(res.error)
    })
  }

  setTitle(value: string): void {
    this.title = value
  }

  setDates(opensOn: string, closesOn: string): void {
    this.opensOn = opensOn
    this.closesOn = closesOn
  }

  toggleCardType(type: HolderType): void {
    this.cardTypes = this.cardTypes.includes(type) ? this.cardTypes.filter((t) => t !== type) : [...this.cardTypes, type]
  }

  toggleIndustry(industry: SurveyIndustry): void {
    this.industries = this.industries.includes(industry) ? this.industries.filter((i) => i !== industry) : [...this.industries, industry]
  }

  setDepartment(sectionId: string, departmentId: string | null): void {
    const next = { ...this.departmentsBySection }
    if (departmentId) next[sectionId] = departmentId
    else delete next[sectionId]
    this.departmentsBySection = next
  }

  /** What surveys.save receives: the template, each aspect's rating items mapped to its department. */
  get input(): SurveySaveInput {
    return {
      title: this.title.trim(),
      description: BUSINESS_ENVIRONMENT_TEMPLATE.description,
      sections: this.sections.map((section) => ({
        id: section.id,
        title: section.title,
        items: section.items.map((item) =>
          item.kind === 'rating'
            ? { id: item.id, kind: 'rating' as const, text: item.text, departmentId: this.departmentsBySection[section.id] ?? null }
            : item.kind === 'text'
              ? { id: item.id, kind: 'text' as const, text: item.text }
              : { id: item.id, kind: item.kind, text: item.text, options: item.options ?? [] },
        ),
      })),
      audience: { cardTypes: this.cardTypes, industries: this.industries },
      opensOn: this.opensOn,
      closesOn: this.closesOn,
    }
  }

  async save(): Promise<boolean> {
    const title = this.title.trim()
    if (title.length < SURVEY_LIMITS.title.min || title.length > SURVEY_LIMITS.title.max) {
      this.error = { code: 'VALIDATION_FAILED', message: `问卷标题应为${SURVEY_LIMITS.title.min}–${SURVEY_LIMITS.title.max}个字` }
      return false
    }
    if (this.closesOn < this.opensOn) {
      this.error = { code: 'VALIDATION_FAILED', message: '截止日期不能早于开始日期' }
      return false
    }
    this.saving = true
    this.error = null
    const res = await this.api.call('surveys', 'save', this.input)
    runInAction(() => {
      this.saving = false
      if (res.ok) this.savedId = res.data.id
      else this.error = shownError(res.error)
    })
    return res.ok
  }
}
