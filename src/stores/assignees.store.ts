import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import { isIsoDate } from '@/core/calendar/shanghai-time'
import { COMMISSIONER_LIMITS, CONTACT_CLOCK_SKEW_MS } from '@/core/commissioner/commissioner.limits'
import type { AssigneeView, ContactKind } from '@/core/commissioner/commissioner.schema'
import type { ShownError } from '@/utils/errors'
import { IdempotencyKeeper } from '@/utils/idempotency'
import { shanghaiClock, shanghaiToday } from '@/utils/time'

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/

/** The commissioner's assignees (特派员联系的企业、项目、人才) and the contact log form. */
export class AssigneesStore {
  items: AssigneeView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null

  /** Holder whose contact form is open. */
  contactFor: string | null = null
  kind: ContactKind | null = null
  date = ''
  time = ''
  note = ''
  contactError: ShownError | null = null
  logging = false
  logged: string | null = null

  private readonly keys = new IdempotencyKeeper()

  constructor(
    private readonly api: ApiClient,
    private readonly now: () => number = () => Date.now(),
  ) {
    makeAutoObservable<AssigneesStore, 'api' | 'now' | 'keys'>(this, { api: false, now: false, keys: false })
  }

  /** Overdue contacts first, then the longest without contact. */
  get sorted(): AssigneeView[] {
    const last = (a: AssigneeView) => (a.lastContactAt ? Date.parse(a.lastContactAt) : 0)
    return [...this.items].sort((a, b) => Number(b.contactOverdue) - Number(a.contactOverdue) || last(a) - last(b))
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('commissioners', 'assignees', {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  openContact(holderId: string | null): void {
    this.contactFor = holderId
    this.kind = null
    const now = this.now()
    this.date = shanghaiToday(now)
    this.time = shanghaiClock(new Date(now))
    this.note = ''
    this.contactError = null
    this.logged = null
  }

  set(field: 'date' | 'time' | 'note', value: string): void {
    this[field] = value
    this.contactError = null
  }

  setKind(kind: ContactKind): void {
    this.kind = kind
    this.contactError = null
  }

  private check(): { at: string; note: string; kind: ContactKind } | ShownError {
    const note = this.note.trim()
    const date = this.date.trim()
    const time = this.time.trim()
    if (!this.kind) return { code: 'VALIDATION_FAILED', message: '请选择联系方式' }
    if (!isIsoDate(date) || !TIME_RE.test(time)) return { code: 'VALIDATION_FAILED', message: '请选择联系日期和时间' }
    const at = `${date}T${time}:00+08:00`
    if (Date.parse(at) > this.now() + CONTACT_CLOCK_SKEW_MS) return { code: 'VALIDATION_FAILED', message: '联系时间不能晚于当前时间' }
    const { min, max } = COMMISSIONER_LIMITS.contactNote
    if (note.length < min) return { code: 'VALIDATION_FAILED', message: `请填写联系情况（至少${min}个字）` }
    if (note.length > max) return { code: 'VALIDATION_FAILED', message: `联系情况最多${max}个字` }
    return { at, note, kind: this.kind }
  }

  async logContact(): Promise<boolean> {
    const holderId = this.contactFor
    if (!holderId) return false
    const checked = this.check()
    if ('code' in checked) {
      this.contactError = checked
      return false
    }
    const payload = { holderId, ...checked }
    const idempotencyKey = this.keys.keyFor(payload)
    this.logging = true
    this.contactError = null
    const res = await this.api.call('commissioners', 'logContact', { ...payload, idempotencyKey })
    if (res.ok) {
      this.keys.done()
      await this.load()
    }
    runInAction(() => {
      this.logging = false
      if (res.ok) {
        this.contactFor = null
        this.logged = holderId
      } else {
        this.contactError = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
  }
}
