import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { BookingResponses, RosterBookingView } from '@/core/booking/booking.schema'
import type { StationResponses } from '@/core/station/station.schema'
import type { ShownError } from '@/utils/errors'

export type Roster = BookingResponses['roster']
export type CheckInResult = BookingResponses['checkIn']

/** Staff's 今日服务台: the sessions they are rostered on today, one session's roster, check-in and no-shows. */
export class DeskStore {
  date: string | null = null
  sessions: StationResponses['desk']['items'] = []
  loaded = false
  loading = false
  error: ShownError | null = null

  sessionId: string | null = null
  roster: Roster | null = null
  rosterLoading = false
  rosterError: ShownError | null = null

  input = ''
  checkingIn = false
  checkInResult: CheckInResult | null = null
  checkInError: ShownError | null = null

  /** Per booking: refusal of 标记未到. */
  noShowErrors: Record<string, ShownError> = {}
  marking: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<DeskStore, 'api'>(this, { api: false })
  }

  get session() {
    return this.roster?.session ?? this.sessions.find((s) => s.id === this.sessionId) ?? null
  }

  /** Seats of the selected session: booked/capacity over its slots, and how many came. */
  get counts(): { capacity: number; booked: number; checkedIn: number; walkIns: number; noShows: number } {
    const slots = this.session?.slots ?? []
    const bookings = this.roster?.bookings ?? []
    const visits = this.roster?.visits ?? []
    return {
      capacity: slots.reduce((sum, s) => sum + s.capacity, 0),
      booked: slots.reduce((sum, s) => sum + s.booked, 0),
      checkedIn: bookings.filter((b) => b.status === 'checked_in').length,
      walkIns: visits.filter((v) => v.walkIn).length,
      noShows: bookings.filter((b) => b.status === 'no_show').length,
    }
  }

  /** Roster bookings by slot time, cancelled ones last. */
  get bookings(): RosterBookingView[] {
    const rank = (b: RosterBookingView) => (b.status === 'cancelled' ? 1 : 0)
    return [...(this.roster?.bookings ?? [])].sort((a, b) => rank(a) - rank(b) || Date.parse(a.start) - Date.parse(b.start))
  }

  async load(date?: string): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('stations', 'desk', date ? { date } : {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.date = res.data.date
        this.sessions = res.data.items
        if (this.sessionId && !this.sessions.some((s) => s.id === this.sessionId)) this.sessionId = null
        if (!this.sessionId && this.sessions.length === 1) this.sessionId = this.sessions[0].id
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
    })
    if (this.sessionId && (!this.roster || this.roster.session.id !== this.sessionId)) await this.loadRoster()
  }

  async select(sessionId: string): Promise<void> {
    if (this.sessionId !== sessionId) {
      this.roster = null
      this.checkInResult = null
      this.checkInError = null
      this.noShowErrors = {}
    }
    this.sessionId = sessionId
    await this.loadRoster()
  }

  async loadRoster(): Promise<void> {
    const sessionId = this.sessionId
    if (!sessionId) return
    this.rosterLoading = true
    this.rosterError = null
    const res = await this.api.call('bookings', 'roster', { sessionId })
    runInAction(() => {
      if (this.sessionId !== sessionId) return
      this.rosterLoading = false
      if (res.ok) this.roster = res.data
      else this.rosterError = { code: res.error.code, message: res.error.message }
    })
  }

  setInput(value: string): void {
    this.input = value
  }

  async checkIn(qr: string = this.input): Promise<boolean> {
    const text = qr.trim()
    this.checkInResult = null
    this.checkInError = null
    const sessionId = this.sessionId
    if (!sessionId) {
      this.checkInError = { code: 'VALIDATION_FAILED', message: '请先选择场次' }
      return false
    }
    if (!text) {
      this.checkInError = { code: 'VALIDATION_FAILED', message: '请先扫码或粘贴服务卡二维码内容' }
      return false
    }
    this.checkingIn = true
    const res = await this.api.call('bookings', 'checkIn', { sessionId, qr: text })
    runInAction(() => {
      this.checkingIn = false
      if (res.ok) {
        this.checkInResult = res.data
        this.input = ''
      } else {
        this.checkInError = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) await this.loadRoster()
    return res.ok
  }

  async markNoShow(bookingId: string): Promise<boolean> {
    this.marking = bookingId
    delete this.noShowErrors[bookingId]
    const res = await this.api.call('bookings', 'markNoShow', { bookingId })
    runInAction(() => {
      this.marking = null
      if (!res.ok) this.noShowErrors[bookingId] = { code: res.error.code, message: res.error.message }
    })
    if (res.ok) await this.loadRoster()
    return res.ok
  }

  reset(): void {
    this.date = null
    this.sessions = []
    this.loaded = false
    this.error = null
    this.sessionId = null
    this.roster = null
    this.input = ''
    this.checkInResult = null
    this.checkInError = null
    this.noShowErrors = {}
  }
}
