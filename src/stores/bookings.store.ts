import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { BookingView, HomeVisitView } from '@/core/booking/booking.schema'
import type { ShownError } from '@/utils/errors'

/** A confirmed booking whose slot has not ended: the holder may still cancel or reschedule it (server decides notice). */
export function isUpcoming(booking: BookingView, now: number): boolean {
  return booking.status === 'confirmed' && Date.parse(booking.end) > now
}

/** 我的预约: the holder's bookings and home-visit requests, with cancel and reschedule. */
export class BookingsStore {
  items: BookingView[] = []
  homeVisits: HomeVisitView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null
  /** Per booking: the refusal of the last cancel/reschedule. */
  errors: Record<string, ShownError> = {}
  /** Booking whose cancel/reschedule is in flight. */
  changing: string | null = null
  /** Booking for which the 改约 slot picker is open. */
  reschedulingId: string | null = null

  constructor(
    private readonly api: ApiClient,
    private readonly onSeatsChanged: (freed: string | null, taken: string | null) => void = () => {},
  ) {
    makeAutoObservable<BookingsStore, 'api' | 'onSeatsChanged'>(this, { api: false, onSeatsChanged: false })
  }

  /** Upcoming bookings first (soonest first), then the rest (latest first). */
  sorted(now: number = Date.now()): BookingView[] {
    const upcoming = this.items.filter((b) => isUpcoming(b, now)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
    const rest = this.items.filter((b) => !isUpcoming(b, now)).sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
    return [...upcoming, ...rest]
  }

  get rescheduling(): BookingView | null {
    return this.items.find((b) => b.id === this.reschedulingId) ?? null
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const [mine, visits] = await Promise.all([
      this.api.call('bookings', 'mine', {}),
      this.api.call('bookings', 'homeVisits', {}),
    ])
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (mine.ok) this.items = mine.data.items
      else this.error = { code: mine.error.code, message: mine.error.message }
      if (visits.ok) this.homeVisits = visits.data.items
    })
  }

  /** A booking just made elsewhere (the booking form): shown without waiting for a reload. */
  add(booking: BookingView): void {
    this.items = [booking, ...this.items.filter((b) => b.id !== booking.id)]
  }

  addHomeVisit(visit: HomeVisitView): void {
    this.homeVisits = [visit, ...this.homeVisits.filter((v) => v.id !== visit.id)]
  }

  private replace(updated: BookingView): void {
    this.items = this.items.map((b) => (b.id === updated.id ? updated : b))
  }

  async cancel(bookingId: string, reason?: string): Promise<boolean> {
    this.changing = bookingId
    delete this.errors[bookingId]
    const trimmed = reason?.trim()
    const res = await this.api.call('bookings', 'cancel', trimmed ? { bookingId, reason: trimmed } : { bookingId })
    runInAction(() => {
      this.changing = null
      if (res.ok) this.replace(res.data)
      else this.errors[bookingId] = { code: res.error.code, message: res.error.message }
    })
    if (res.ok) this.onSeatsChanged(res.data.slotId, null)
    return res.ok
  }

  openReschedule(bookingId: string | null): void {
    this.reschedulingId = bookingId
    if (bookingId) delete this.errors[bookingId]
  }

  async reschedule(bookingId: string, slotId: string): Promise<boolean> {
    const before = this.items.find((b) => b.id === bookingId)
    this.changing = bookingId
    delete this.errors[bookingId]
    const res = await this.api.call('bookings', 'reschedule', { bookingId, slotId })
    runInAction(() => {
      this.changing = null
      if (res.ok) {
        this.replace(res.data)
        this.reschedulingId = null
      } else {
        this.errors[bookingId] = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) this.onSeatsChanged(before?.slotId ?? null, res.data.slotId)
    return res.ok
  }

  reset(): void {
    this.items = []
    this.homeVisits = []
    this.loaded = false
    this.error = null
    this.errors = {}
    this.reschedulingId = null
  }
}
