import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import type { BookingView } from '@/core/booking/booking.schema'
import type { ShownError } from '@/utils/errors'
import { IdempotencyKeeper } from '@/utils/idempotency'

export type BookingField = 'topic' | 'problemText'

/** Limits of bookingSchemas.create, checked by hand with the schema's own numbers: zod stays out of the main package. */
const { topic: TOPIC, problemText: PROBLEM_TEXT } = BOOKING_LIMITS

/** The holder's booking form for one slot. Its idempotency key survives a retry of the same submission. */
export class BookingFormStore {
  slotId: string | null = null
  topic = ''
  problemText = ''
  errors: Partial<Record<BookingField, string>> = {}
  submitting = false
  error: ShownError | null = null
  booked: BookingView | null = null

  private readonly keys = new IdempotencyKeeper()

  constructor(
    private readonly api: ApiClient,
    private readonly afterBooked: (booking: BookingView) => void = () => {},
  ) {
    makeAutoObservable<BookingFormStore, 'api' | 'keys' | 'afterBooked'>(this, { api: false, keys: false, afterBooked: false })
  }

  /** Opens the form for a slot; a different slot starts a fresh form. */
  open(slotId: string): void {
    if (this.slotId === slotId && !this.booked) return
    this.slotId = slotId
    this.topic = ''
    this.problemText = ''
    this.errors = {}
    this.error = null
    this.booked = null
  }

  set(field: BookingField, value: string): void {
    this[field] = value
    delete this.errors[field]
  }

  validate(): { topic: string; problemText?: string } | null {
    const topic = this.topic.trim()
    const problemText = this.problemText.trim()
    const errors: Partial<Record<BookingField, string>> = {}
    if (!topic) errors.topic = '请填写办理事项'
    else if (topic.length < TOPIC.min) errors.topic = `办理事项至少${TOPIC.min}个字`
    else if (topic.length > TOPIC.max) errors.topic = `办理事项最多${TOPIC.max}个字`
    if (problemText.length > PROBLEM_TEXT.max) errors.problemText = `问题描述最多${PROBLEM_TEXT.max}个字`
    this.errors = errors
    if (Object.keys(errors).length) return null
    return problemText ? { topic, problemText } : { topic }
  }

  async submit(): Promise<boolean> {
    this.error = null
    const slotId = this.slotId
    if (!slotId) return false
    const input = this.validate()
    if (!input) return false
    const payload = { slotId, ...input }
    const idempotencyKey = this.keys.keyFor(payload)
    this.submitting = true
    const res = await this.api.call('bookings', 'create', { ...payload, idempotencyKey })
    runInAction(() => {
      this.submitting = false
      if (res.ok) {
        this.keys.done()
        this.booked = res.data
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) this.afterBooked(res.data)
    return res.ok
  }

  reset(): void {
    this.slotId = null
    this.topic = ''
    this.problemText = ''
    this.errors = {}
    this.error = null
    this.booked = null
    this.keys.done()
  }
}
