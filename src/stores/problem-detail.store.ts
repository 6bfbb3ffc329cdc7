import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { compareDates, isIsoDate } from '@/core/calendar/shanghai-time'
import { PROBLEM_ACTIONS } from '@/core/problem/problem.labels'
import { PROBLEM_LIMITS } from '@/core/problem/problem.limits'
import type { NextStepKind, ProblemAction } from '@/core/problem/problem.machine'
import type { ProblemDetail, ProblemResponses } from '@/core/problem/problem.schema'
import type { ShownError } from '@/utils/errors'
import { shanghaiToday } from '@/utils/time'

/** The actions a person starts from a button (markOverdue belongs to the scheduled job). */
export type FormAction = Exclude<ProblemAction, 'markOverdue'>

export const FORM_ACTIONS = PROBLEM_ACTIONS.filter((action): action is FormAction => action !== 'markOverdue')

export interface ActionFields {
  reply: string
  explanation: string
  suggestion: string
  nextKind: NextStepKind | null
  nextDate: string
  departmentId: string | null
  leaderId: string | null
  plan: string
  note: string
  resolution: string
  reason: string
  report: string
}

export type TextField = 'reply' | 'explanation' | 'suggestion' | 'nextDate' | 'plan' | 'note' | 'resolution' | 'reason' | 'report'

export type Directory = ProblemResponses['directory']

const EMPTY_FIELDS: ActionFields = {
  reply: '',
  explanation: '',
  suggestion: '',
  nextKind: null,
  nextDate: '',
  departmentId: null,
  leaderId: null,
  plan: '',
  note: '',
  resolution: '',
  reason: '',
  report: '',
}

/** The text each action sends, checked by hand with problemSchemas' limits (zod stays out of the main package). */
const TEXT_RULES: Partial<Record<FormAction, Array<[field: TextField & keyof typeof PROBLEM_LIMITS, label: string]>>> = {
  answer: [['reply', '答复内容']],
  progress: [['note', '办理进展']],
  resolve: [['resolution', '办理结果']],
  reassign: [['reason', '改派原因']],
  sendBack: [['reason', '退回原因']],
  reopen: [['reason', '重新办理的原因']],
  escalate: [['report', '专报内容']],
}

/** The length a text of problemSchemas may have, as the forms say it: 解释说明应为2–1000个字. */
const lengthRange = (field: keyof typeof PROBLEM_LIMITS) => `${PROBLEM_LIMITS[field].min}–${PROBLEM_LIMITS[field].max}个字`
const outOfRange = (field: keyof typeof PROBLEM_LIMITS, value: string) =>
  value.length < PROBLEM_LIMITS[field].min || value.length > PROBLEM_LIMITS[field].max

export const STALE_MESSAGE = '数据已被他人更新，已为您刷新，请核对后重试'

const refusal = (code: string, message: string): ShownError => ({ code, message })

/**
 * One problem as every role sees it, with the form of the action being taken. The buttons come from the view's
 * `availableActions`; each action sends the `version` shown, and a STALE_VERSION answer reloads the problem.
 */
export class ProblemDetailStore {
  id: string | null = null
  detail: ProblemDetail | null = null
  loading = false
  error: ShownError | null = null
  /** A page-level message (e.g. the problem changed meanwhile and the open form no longer applies). */
  notice: ShownError | null = null

  action: FormAction | null = null
  fields: ActionFields = { ...EMPTY_FIELDS }
  formError: ShownError | null = null
  submitting = false
  /** The last action that went through (for a toast). */
  done: FormAction | null = null
  /**
   * The last action took the problem out of the caller's reach (a handler's 退回 or 改派 hands it to others): there is
   * nothing left to show or do here, and the page leaves for the list.
   */
  left = false

  directory: Directory | null = null
  directoryError: ShownError | null = null

  constructor(
    private readonly api: ApiClient,
    private readonly today: () => string = () => shanghaiToday(),
  ) {
    makeAutoObservable<ProblemDetailStore, 'api' | 'today'>(this, { api: false, today: false })
  }

  /** The buttons: what the backend says this caller may do now. */
  get actions(): FormAction[] {
    const available = this.detail?.availableActions ?? []
    return FORM_ACTIONS.filter((action) => available.includes(action))
  }

  /** The timeline, oldest first (the server's order kept for events at the same instant). */
  get timeline(): ProblemDetail['timeline'] {
    const events = this.detail?.timeline ?? []
    return events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => Date.parse(a.event.at) - Date.parse(b.event.at) || a.index - b.index)
      .map(({ event }) => event)
  }

  async load(id: string = this.id ?? ''): Promise<boolean> {
    if (!id) return false
    this.id = id
    this.loading = true
    this.error = null
    const res = await this.api.call('problems', 'get', { id })
    runInAction(() => {
      this.loading = false
      if (res.ok) this.detail = res.data
      else {
        // Never keep showing a state the backend no longer answers for: its buttons would act on a stale version.
        this.detail = null
        this.error = refusal(res.error.code, res.error.message)
      }
    })
    return res.ok
  }

  async loadDirectory(): Promise<void> {
    if (this.directory) return
    this.directoryError = null
    const res = await this.api.call('problems', 'directory', {})
    runInAction(() => {
      if (res.ok) this.directory = res.data
      else this.directoryError = refusal(res.error.code, res.error.message)
    })
  }

  open(action: FormAction | null): void {
    this.action = action
    this.fields = { ...EMPTY_FIELDS }
    this.formError = null
    this.notice = null
    this.done = null
    if (action === 'assign' || action === 'reassign') void this.loadDirectory()
  }

  setText(field: TextField, value: string): void {
    this.fields[field] = value
    this.formError = null
  }

  setNextKind(kind: NextStepKind): void {
    this.fields.nextKind = kind
    this.formError = null
  }

  setDepartment(id: string): void {
    this.fields.departmentId = id
    this.formError = null
  }

  /** The same leader again clears the choice (the leader is optional). */
  toggleLeader(id: string): void {
    this.fields.leaderId = this.fields.leaderId === id ? null : id
    this.formError = null
  }

  /** The payload of the open action (without id and version), or the reason it cannot be sent, checked by hand. */
  validate(): { ok: true; payload: Record<string, unknown> } | { ok: false; error: ShownError } {
    const action = this.action
    if (!action) return { ok: false, error: refusal('VALIDATION_FAILED', '请选择操作') }
    const checked = this.check(action)
    return 'code' in checked ? { ok: false, error: checked } : { ok: true, payload: checked.payload }
  }

  private check(action: FormAction): { payload: Record<string, unknown> } | ShownError {
    const f = this.fields
    const payload: Record<string, unknown> = {}
    for (const [field, label] of TEXT_RULES[action] ?? []) {
      const { min, max } = PROBLEM_LIMITS[field]
      const value = f[field].trim()
      if (!value) return refusal('VALIDATION_FAILED', `请填写${label}`)
      if (value.length < min) return refusal('VALIDATION_FAILED', `${label}至少${min}个字`)
      if (value.length > max) return refusal('VALIDATION_FAILED', `${label}最多${max}个字`)
      payload[field] = value
    }
    if (action === 'defer') {
      const explanation = f.explanation.trim()
      const suggestion = f.suggestion.trim()
      const date = f.nextDate.trim()
      const missing = [
        !explanation && '解释说明',
        !suggestion && '办理建议',
        (!f.nextKind || !date) && '下一步安排（下个固定日或预约上门日期）',
      ].filter((part): part is string => typeof part === 'string')
      if (missing.length) return refusal('DEFERRAL_INCOMPLETE', `暂缓办理须写明：${missing.join('、')}`)
      if (outOfRange('explanation', explanation)) return refusal('VALIDATION_FAILED', `解释说明应为${lengthRange('explanation')}`)
      if (outOfRange('suggestion', suggestion)) return refusal('VALIDATION_FAILED', `办理建议应为${lengthRange('suggestion')}`)
      if (!isIsoDate(date)) return refusal('VALIDATION_FAILED', '请选择有效的下一步办理日期')
      if (compareDates(date, this.today()) < 0) return refusal('DATE_IN_PAST', '下一步办理日期不能早于今天')
      Object.assign(payload, { explanation, suggestion, nextStep: { kind: f.nextKind, date } })
    }
    if (action === 'assign' || action === 'reassign') {
      if (!f.departmentId) return refusal('VALIDATION_FAILED', action === 'assign' ? '请选择责任部门' : '请选择改派的部门')
      if (action === 'reassign' && f.departmentId === this.detail?.departmentId) return refusal('VALIDATION_FAILED', '改派须选择另一个部门')
      payload.departmentId = f.departmentId
    }
    if (action === 'assign') {
      if (f.leaderId) payload.leaderId = f.leaderId
      const plan = f.plan.trim()
      if (plan) {
        if (outOfRange('plan', plan)) return refusal('VALIDATION_FAILED', `办理方案应为${lengthRange('plan')}`)
        payload.plan = plan
      }
    }
    return { payload }
  }

  /** Sends the open action with the version shown. On STALE_VERSION the problem is reloaded and the person told. */
  async submit(): Promise<boolean> {
    const action = this.action
    const detail = this.detail
    if (!action || !detail) return false
    const checked = this.validate()
    if (!checked.ok) {
      this.formError = checked.error
      return false
    }
    this.formError = null
    this.submitting = true
    const res = await this.api.call('problems', action, { id: detail.id, version: detail.version, ...checked.payload })
    if (res.ok) {
      const reloaded = await this.load(detail.id)
      runInAction(() => {
        this.submitting = false
        this.action = null
        this.fields = { ...EMPTY_FIELDS }
        this.done = action
        if (!reloaded && (this.error?.code === 'NOT_FOUND' || this.error?.code === 'FORBIDDEN')) {
          this.error = null
          this.left = true
        }
      })
      return true
    }
    if (res.error.code === 'STALE_VERSION') {
      await this.load(detail.id)
      runInAction(() => {
        this.submitting = false
        const stale = refusal('STALE_VERSION', STALE_MESSAGE)
        if (this.detail?.availableActions.includes(action)) this.formError = stale
        else {
          this.action = null
          this.notice = stale
        }
      })
      return false
    }
    runInAction(() => {
      this.submitting = false
      this.formError = refusal(res.error.code, res.error.message)
    })
    return false
  }

  reset(): void {
    this.id = null
    this.detail = null
    this.error = null
    this.notice = null
    this.open(null)
  }
}
