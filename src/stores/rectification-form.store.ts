import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { ApiInput } from '@/core/contract/api.contract'
import { RATING_LIMITS } from '@/core/rating/rating.limits'
import type { RectificationItem } from '@/core/rating/rating.schema'
import type { ShownError } from '@/utils/errors'

/** What the department does on a bad rating, in the order of the buttons. */
export type TaskAction = 'recordReturnVisit' | 'rectify' | 'appeal'
export const TASK_ACTIONS: readonly TaskAction[] = ['recordReturnVisit', 'rectify', 'appeal']

export const TASK_ACTION_LABELS: Record<TaskAction, string> = { recordReturnVisit: '回访', rectify: '整改', appeal: '申诉' }

/** The text each action sends, checked by hand with ratingSchemas' limits: [payload key, limits, label]. */
const TEXT_RULES: Record<TaskAction, [key: 'note' | 'reason', limits: { min: number; max: number }, label: string]> = {
  recordReturnVisit: ['note', RATING_LIMITS.returnVisitNote, '回访情况'],
  rectify: ['note', RATING_LIMITS.rectifyNote, '整改情况和答复'],
  appeal: ['reason', RATING_LIMITS.appealReason, '申诉理由'],
}

/** The label of the text an action asks for. */
export function taskFieldLabel(action: TaskAction): string {
  return TEXT_RULES[action][2]
}

/** The most characters the text of an action may have. */
export function taskFieldMax(action: TaskAction): number {
  return TEXT_RULES[action][1].max
}

export const TASK_PLACEHOLDERS: Record<TaskAction, string> = {
  recordReturnVisit: '是否联系上评价人、了解到的情况',
  rectify: '整改了什么、给评价人的答复',
  appeal: '申诉理由和证据（如沟通记录、办理材料）',
}

/** The buttons of a task: what the backend says this caller may do on it now. */
export function taskActions(item: RectificationItem): TaskAction[] {
  return TASK_ACTIONS.filter((action) => item.rating.availableActions.includes(action))
}

/** The form of one department action on one rating: 回访 (note), 整改 (note) or 申诉 (reason). */
export class RectificationFormStore {
  ratingId: string | null = null
  action: TaskAction | null = null
  note = ''
  error: ShownError | null = null
  submitting = false
  /** The last action that went through (for a toast). */
  done: TaskAction | null = null

  constructor(
    private readonly api: ApiClient,
    /** After a success (the list reloads). */
    private readonly onDone: (item: RectificationItem) => Promise<void> | void = () => {},
  ) {
    makeAutoObservable<RectificationFormStore, 'api' | 'onDone'>(this, { api: false, onDone: false })
  }

  isOpen(ratingId: string, action?: TaskAction): boolean {
    return this.ratingId === ratingId && (action === undefined || this.action === action)
  }

  /** Opens the form (the same button again closes it). */
  toggle(ratingId: string, action: TaskAction): void {
    const same = this.isOpen(ratingId, action)
    this.ratingId = same ? null : ratingId
    this.action = same ? null : action
    this.note = ''
    this.error = null
    this.done = null
  }

  close(): void {
    this.ratingId = null
    this.action = null
    this.note = ''
    this.error = null
  }

  setNote(value: string): void {
    this.note = value
    this.error = null
  }

  validate(): { ok: true; payload: ApiInput<'ratings', TaskAction> } | { ok: false; error: ShownError } {
    if (!this.ratingId || !this.action) return { ok: false, error: { code: 'VALIDATION_FAILED', message: '请选择操作' } }
    const [key, { min, max }, label] = TEXT_RULES[this.action]
    const value = this.note.trim()
    if (!value) return { ok: false, error: { code: 'VALIDATION_FAILED', message: `请填写${label}` } }
    if (value.length < min) return { ok: false, error: { code: 'VALIDATION_FAILED', message: `${label}至少${min}个字` } }
    if (value.length > max) return { ok: false, error: { code: 'VALIDATION_FAILED', message: `${label}最多${max}个字` } }
    return { ok: true, payload: key === 'note' ? { ratingId: this.ratingId, note: value } : { ratingId: this.ratingId, reason: value } }
  }

  async submit(): Promise<boolean> {
    const action = this.action
    if (!action || this.submitting) return false
    const checked = this.validate()
    if (!checked.ok) {
      this.error = checked.error
      return false
    }
    this.error = null
    this.submitting = true
    const res = await this.api.call('ratings', action, checked.payload)
    if (!res.ok) {
      runInAction(() => {
        this.submitting = false
        this.error = { code: res.error.code, message: res.error.message }
      })
      return false
    }
    await this.onDone(res.data)
    runInAction(() => {
      this.submitting = false
      this.close()
      this.done = action
    })
    return true
  }
}
