import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import type { HomeVisitView } from '@/core/booking/booking.schema'
import { compareDates, isIsoDate } from '@/core/calendar/shanghai-time'
import type { ApiInput } from '@/core/contract/api.contract'
import type { ShownError } from '@/utils/errors'
import { shanghaiToday } from '@/utils/time'

/** What staff do to a home-visit request. */
type HomeVisitChange = 'scheduleHomeVisit' | 'completeHomeVisit' | 'cancelHomeVisit'

export interface PlanDraft {
  date: string
  staffIds: string[]
  note: string
}

/**
 * Staff's 上门服务: open requests, 安排 (date + staff) and 办结. Created by the staff page (subpackage).
 * The 安排 form checks bookingSchemas.scheduleHomeVisit's limits by hand: zod in two subpackages makes the weapp build
 * copy all of zod's modules, unconcatenated, into both (about 400 KB each), so zod stays in the admin subpackage only.
 */
export class StaffHomeVisitsStore {
  items: HomeVisitView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null
  /** Request whose 安排 form is open, and its draft. */
  planningId: string | null = null
  draft: PlanDraft = { date: '', staffIds: [], note: '' }
  draftError: string | null = null
  /** Per request: refusal of the last action. */
  errors: Record<string, ShownError> = {}
  busy: string | null = null
  showDone = false

  constructor(
    private readonly api: ApiClient,
    private readonly selfId: string | null,
  ) {
    makeAutoObservable<StaffHomeVisitsStore, 'api' | 'selfId'>(this, { api: false, selfId: false })
  }

  /** Open requests first (requested, then scheduled by date), finished ones only on demand. */
  get visible(): HomeVisitView[] {
    const rank = { requested: 0, scheduled: 1, done: 2, cancelled: 3 } as const
    return this.items
      .filter((v) => this.showDone || v.status === 'requested' || v.status === 'scheduled')
      .sort((a, b) => rank[a.status] - rank[b.status] || (a.date ?? a.preferredDates[0] ?? '').localeCompare(b.date ?? b.preferredDates[0] ?? ''))
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('bookings', 'homeVisits', {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  toggleDone(): void {
    this.showDone = !this.showDone
  }

  openPlan(visit: HomeVisitView | null): void {
    this.planningId = visit?.id ?? null
    this.draftError = null
    if (visit) {
      this.draft = {
        date: visit.date ?? visit.preferredDates[0] ?? '',
        staffIds: visit.staffIds.length ? [...visit.staffIds] : this.selfId ? [this.selfId] : [],
        note: '',
      }
    }
  }

  setDraft<K extends keyof PlanDraft>(key: K, value: PlanDraft[K]): void {
    this.draft[key] = value
    this.draftError = null
  }

  toggleStaff(staffId: string): void {
    const ids = this.draft.staffIds
    this.draft.staffIds = ids.includes(staffId) ? ids.filter((id) => id !== staffId) : [...ids, staffId]
    this.draftError = null
  }

  private replace(updated: HomeVisitView): void {
    this.items = this.items.map((v) => (v.id === updated.id ? updated : v))
  }

  async schedule(): Promise<boolean> {
    const requestId = this.planningId
    if (!requestId) return false
    const note = this.draft.note.trim()
    const { date, staffIds } = this.draft
    const problem = !date
      ? '请选择上门日期'
      : !isIsoDate(date)
        ? '上门日期无效，请重新选择'
        : compareDates(date, shanghaiToday()) < 0
          ? '上门日期不能早于今天'
          : staffIds.length < BOOKING_LIMITS.staffIds.min
            ? `请至少指派${BOOKING_LIMITS.staffIds.min}名工作人员`
            : staffIds.length > BOOKING_LIMITS.staffIds.max
              ? `最多指派${BOOKING_LIMITS.staffIds.max}名工作人员`
              : note.length > BOOKING_LIMITS.scheduleNote.max
                ? `备注最多${BOOKING_LIMITS.scheduleNote.max}个字`
                : null
    if (problem) {
      this.draftError = problem
      return false
    }
    const payload = { requestId, date, staffIds: [...new Set(staffIds)], ...(note ? { note } : {}) }
    return this.act(requestId, 'scheduleHomeVisit', payload, () => {
      this.planningId = null
    })
  }

  complete(requestId: string, note?: string): Promise<boolean> {
    const trimmed = note?.trim()
    return this.act(requestId, 'completeHomeVisit', trimmed ? { requestId, note: trimmed } : { requestId })
  }

  cancel(requestId: string, reason: string): Promise<boolean> {
    const trimmed = reason.trim()
    const { min, max } = BOOKING_LIMITS.homeVisitCancelReason
    if (trimmed.length < min || trimmed.length > max) {
      const message = trimmed.length < min ? `请填写取消原因（至少${min}个字）` : `取消原因最多${max}个字`
      this.errors[requestId] = { code: 'VALIDATION_FAILED', message }
      return Promise.resolve(false)
    }
    return this.act(requestId, 'cancelHomeVisit', { requestId, reason: trimmed })
  }

  private async act(requestId: string, action: HomeVisitChange, payload: ApiInput<'bookings', HomeVisitChange>, after?: () => void): Promise<boolean> {
    this.busy = requestId
    delete this.errors[requestId]
    const res = await this.api.call('bookings', action, payload)
    runInAction(() => {
      this.busy = null
      if (res.ok) {
        this.replace(res.data)
        after?.()
      } else {
        this.errors[requestId] = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
  }
}
