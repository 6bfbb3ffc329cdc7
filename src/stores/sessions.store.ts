import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { GeoPoint } from '@/core/station/station.geo'
import type { SessionView, SlotView, StationView } from '@/core/station/station.schema'
import type { ShownError } from '@/utils/errors'

export interface SessionDay {
  date: string
  sessions: SessionView[]
}

/** Seats still free in a slot (never negative). */
export function seatsLeft(slot: SlotView): number {
  return Math.max(0, slot.capacity - slot.booked)
}

/** Upcoming sessions for holders: grouped by day, nearest first within a day once a location is known. */
export class SessionsStore {
  items: SessionView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null
  near: GeoPoint | null = null
  locating = false
  locationError: string | null = null
  showMap = false
  selectedStationId: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<SessionsStore, 'api'>(this, { api: false })
  }

  /** Days in date order; within a day the server's order (nearest first when `near` was given). */
  get days(): SessionDay[] {
    const byDate = new Map<string, SessionView[]>()
    for (const session of this.items) {
      const list = byDate.get(session.date) ?? []
      list.push(session)
      byDate.set(session.date, list)
    }
    return [...byDate.keys()].sort().map((date) => ({ date, sessions: byDate.get(date)! }))
  }

  /** The stations of the listed sessions, each once (for the map). */
  get stations(): Array<StationView & { distanceKm?: number }> {
    const seen = new Map<string, StationView & { distanceKm?: number }>()
    for (const session of this.items) {
      if (!seen.has(session.stationId)) seen.set(session.stationId, { ...session.station, distanceKm: session.distanceKm })
    }
    return [...seen.values()]
  }

  get selectedStation(): (StationView & { distanceKm?: number }) | null {
    return this.stations.find((station) => station.id === this.selectedStationId) ?? this.stations[0] ?? null
  }

  findSlot(slotId: string): { session: SessionView; slot: SlotView } | null {
    for (const session of this.items) {
      const slot = session.slots.find((s) => s.id === slotId)
      if (slot) return { session, slot }
    }
    return null
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('stations', 'sessions', this.near ? { near: this.near } : {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = { code: res.error.code, message: res.error.message }
    })
  }

  /** A location from the device (weapp, on the user's tap): reload nearest first. */
  async useLocation(point: GeoPoint): Promise<void> {
    this.near = { latitude: point.latitude, longitude: point.longitude }
    this.locationError = null
    await this.load()
  }

  setLocating(value: boolean, error: string | null = null): void {
    this.locating = value
    this.locationError = error
  }

  toggleMap(): void {
    this.showMap = !this.showMap
  }

  selectStation(stationId: string): void {
    this.selectedStationId = stationId
  }

  /** After booking, cancelling or rescheduling: the seat counts changed. */
  adjustBooked(slotId: string, delta: number): void {
    const found = this.findSlot(slotId)
    if (found) found.slot.booked = Math.max(0, found.slot.booked + delta)
  }

  reset(): void {
    this.items = []
    this.loaded = false
    this.error = null
    this.near = null
    this.showMap = false
    this.selectedStationId = null
  }
}
