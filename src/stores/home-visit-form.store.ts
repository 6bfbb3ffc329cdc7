import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import type { HomeVisitView } from '@/core/booking/booking.schema'
import { compareDates } from '@/core/calendar/shanghai-time'
import type { ShownError } from '@/utils/errors'
import { IdempotencyKeeper, type PendingKey } from '@/utils/idempotency'
import { shanghaiToday } from '@/utils/time'

export type HomeVisitField = 'address' | 'topic' | 'problemText' | 'preferredDates'

const { address: ADDRESS, topic: TOPIC, problemText: PROBLEM_TEXT, preferredDates: PREFERRED_DATES } = BOOKING_LIMITS

/** The holder's 申请上门服务 form (limits of bookingSchemas.requestHomeVisit, checked by hand for the main package). */
export class HomeVisitFormStore {
  address = ''
  topic = ''
  problemText = ''
  preferredDates: string[] = []
  errors: Partial<Record<HomeVisitField, string>> = {}
  submitting = false
  error: ShownError | null = null
  requested: HomeVisitView | null = null
  /** 待发送: the request did not reach the backend (or its answer did not come back); retried as it was, same key. */
  queued = false

  private readonly keys = new IdempotencyKeeper()

  constructor(
    private readonly api: ApiClient,
    private readonly afterRequested: (visit: HomeVisitView) => void = () => {},
  ) {
    makeAutoObservable<HomeVisitFormStore, 'api' | 'keys' | 'afterRequested'>(this, {
      api: false,
      keys: false,
      afterRequested: false,
      // Read fresh each time: the key lives outside MobX, so a cached computed would keep the first one it saw.
      pendingKey: false,
    })
  }

  set(field: Exclude<HomeVisitField, 'preferredDates'>, value: string): void {
    this[field] = value
    delete this.errors[field]
  }

  addDate(date: string, now: number = Date.now()): void {
    delete this.errors.preferredDates
    if (compareDates(date, shanghaiToday(now)) < 0) {
      this.errors.preferredDates = '期望日期不能早于今天'
      return
    }
    if (this.preferredDates.includes(date)) return
    if (this.preferredDates.length >= PREFERRED_DATES.max) {
      this.errors.preferredDates = `最多选择${PREFERRED_DATES.max}个期望日期`
      return
    }
    this.preferredDates = [...this.preferredDates, date].sort()
  }

  removeDate(date: string): void {
    this.preferredDates = this.preferredDates.filter((d) => d !== date)
  }

  get pendingKey(): PendingKey | null {
    return this.keys.pending
  }

  /** A saved draft's key and state after a restart (the holder's draft keeps them). */
  resume(pending: PendingKey | null, queued: boolean): void {
    if (pending) this.keys.resume(pending)
    this.queued = queued
  }

  validate(): { address: string; topic: string; problemText?: string; preferredDates: string[] } | null {
    const address = this.address.trim()
    const topic = this.topic.trim()
    const problemText = this.problemText.trim()
    const errors: Partial<Record<HomeVisitField, string>> = {}
    if (address.length < ADDRESS.min) errors.address = `请填写详细地址（至少${ADDRESS.min}个字）`
    else if (address.length > ADDRESS.max) errors.address = `地址最多${ADDRESS.max}个字`
    if (topic.length < TOPIC.min) errors.topic = `请填写办理事项（至少${TOPIC.min}个字）`
    else if (topic.length > TOPIC.max) errors.topic = `办理事项最多${TOPIC.max}个字`
    if (problemText.length > PROBLEM_TEXT.max) errors.problemText = `问题描述最多${PROBLEM_TEXT.max}个字`
    if (this.preferredDates.length < PREFERRED_DATES.min) errors.preferredDates = `请至少选择${PREFERRED_DATES.min}个期望日期`
    this.errors = errors
    if (Object.keys(errors).length) return null
    return { address, topic, ...(problemText ? { problemText } : {}), preferredDates: [...this.preferredDates] }
  }

  async submit(): Promise<boolean> {
    if (this.submitting) return false
    this.error = null
    const input = this.validate()
    if (!input) return false
    const idempotencyKey = this.keys.keyFor(input)
    this.submitting = true
    const res = await this.api.call('bookings', 'requestHomeVisit', { ...input, idempotencyKey })
    runInAction(() => {
      this.submitting = false
      this.queued = !res.ok && res.error.code === 'NETWORK_UNAVAILABLE'
      if (res.ok) {
        this.keys.done()
        this.requested = res.data
        this.address = ''
        this.topic = ''
        this.problemText = ''
        this.preferredDates = []
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) this.afterRequested(res.data)
    return res.ok
  }

  reset(): void {
    this.address = ''
    this.topic = ''
    this.problemText = ''
    this.preferredDates = []
    this.errors = {}
    this.error = null
    this.requested = null
    this.queued = false
    this.keys.done()
  }
}
