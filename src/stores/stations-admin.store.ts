import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { SessionKind, SessionView, StationResponses, StationView } from '@/core/station/station.schema'
import { stationSchemas } from '@/core/station/station.schema'
import { STATION_LIMITS } from '@/core/station/station.limits'
import type { ShownError } from '@/utils/errors'

type Issues = Array<{ path: PropertyKey[]; message: string }>

/** First message per top-level field of a zod failure. */
function byField(issues: Issues): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_')
    if (!errors[field]) errors[field] = issue.message
  }
  return errors
}

/** '' stays '' (so zod says "required"), anything else becomes a number (NaN fails zod's number check). */
function num(value: string): number | string {
  const trimmed = value.trim()
  return trimmed === '' ? '' : Number(trimmed)
}

export interface StationDraft {
  id: string | null
  name: string
  area: string
  address: string
  latitude: string
  longitude: string
  contactPhone: string
}

export interface WindowDraft {
  start: string
  end: string
  slotMinutes: string
  capacity: string
  departmentIds: string[]
  staffIds: string[]
}

export interface FixedDayDraft extends WindowDraft {
  weekday: number
  validFrom: string
  validTo: string
}

export interface AdHocDraft extends WindowDraft {
  kind: SessionKind
  date: string
}

const emptyStation = (): StationDraft => ({ id: null, name: '', area: '', address: '', latitude: '', longitude: '', contactPhone: '' })
const emptyWindow = (): WindowDraft => ({ start: '09:00', end: '11:30', slotMinutes: '30', capacity: '5', departmentIds: [], staffIds: [] })
const emptyFixed = (): FixedDayDraft => ({ ...emptyWindow(), weekday: 2, validFrom: '', validTo: '' })
const emptyAdhoc = (): AdHocDraft => ({ ...emptyWindow(), kind: 'finance', date: '' })

export type Directory = StationResponses['directory']

/**
 * The admin's 站点与场次: stations, fixed service days, ad-hoc sessions and cancellations, each form validated on the
 * device with the backend's zod schema. Created by the admin page (subpackage), so zod stays out of the main package.
 */
export class StationsAdminStore {
  stations: StationView[] = []
  loaded = false
  loading = false
  error: ShownError | null = null
  directory: Directory = { departments: [], staff: [] }

  station: StationDraft = emptyStation()
  stationErrors: Record<string, string> = {}
  stationError: ShownError | null = null
  savingStation = false
  showStationForm = false

  selectedId: string | null = null
  sessions: SessionView[] = []
  sessionsLoading = false

  fixed: FixedDayDraft = emptyFixed()
  fixedErrors: Record<string, string> = {}
  fixedError: ShownError | null = null
  fixedResult: { generated: number } | null = null
  savingFixed = false

  adhoc: AdHocDraft = emptyAdhoc()
  adhocErrors: Record<string, string> = {}
  adhocError: ShownError | null = null
  adhocResult: SessionView | null = null
  savingAdhoc = false

  cancelReasons: Record<string, string> = {}
  cancelErrors: Record<string, ShownError> = {}
  cancelled: Record<string, number> = {}
  cancelling: string | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<StationsAdminStore, 'api'>(this, { api: false })
  }

  get selected(): StationView | null {
    return this.stations.find((s) => s.id === this.selectedId) ?? null
  }

  staffName(id: string): string {
    return this.directory.staff.find((s) => s.id === id)?.name ?? id.slice(0, 8)
  }

  departmentName(id: string): string {
    return this.directory.departments.find((d) => d.id === id)?.name ?? id.slice(0, 8)
  }

  async load(): Promise<void> {
    this.loading = true
    this.error = null
    const [list, directory] = await Promise.all([
      this.api.call('stations', 'list', {}),
      this.api.call('stations', 'directory', {}),
    ])
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (list.ok) this.stations = list.data.items
      else this.error = { code: list.error.code, message: list.error.message }
      if (directory.ok) this.directory = directory.data
    })
    if (this.selectedId) await this.loadSessions()
  }

  // ----- station form

  newStation(): void {
    this.station = emptyStation()
    this.stationErrors = {}
    this.stationError = null
    this.showStationForm = true
  }

  editStation(station: StationView): void {
    this.station = {
      id: station.id,
      name: station.name,
      area: station.area,
      address: station.address,
      latitude: String(station.latitude),
      longitude: String(station.longitude),
      contactPhone: station.contactPhone,
    }
    this.stationErrors = {}
    this.stationError = null
    this.showStationForm = true
  }

  closeStationForm(): void {
    this.showStationForm = false
  }

  setStation(field: Exclude<keyof StationDraft, 'id'>, value: string): void {
    this.station[field] = value
    delete this.stationErrors[field]
  }

  async saveStation(): Promise<boolean> {
    const d = this.station
    const parsed = stationSchemas.save.safeParse({
      ...(d.id ? { id: d.id } : {}),
      name: d.name,
      area: d.area,
      address: d.address,
      latitude: num(d.latitude),
      longitude: num(d.longitude),
      contactPhone: d.contactPhone,
    })
    this.stationError = null
    if (!parsed.success) {
      this.stationErrors = byField(parsed.error.issues)
      return false
    }
    this.stationErrors = {}
    this.savingStation = true
    const res = await this.api.call('stations', 'save', parsed.data)
    runInAction(() => {
      this.savingStation = false
      if (res.ok) {
        const saved = res.data
        this.stations = this.stations.some((s) => s.id === saved.id)
          ? this.stations.map((s) => (s.id === saved.id ? saved : s))
          : [...this.stations, saved]
        this.showStationForm = false
        this.station = emptyStation()
        this.selectedId = saved.id
      } else {
        this.stationError = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) await this.loadSessions()
    return res.ok
  }

  // ----- one station's sessions

  /** Another station starts with empty forms: nothing typed for the previous one is carried over (issue 15, defect 8). */
  async select(stationId: string | null): Promise<void> {
    if (stationId !== this.selectedId) {
      this.fixed = emptyFixed()
      this.adhoc = emptyAdhoc()
      this.fixedErrors = {}
      this.adhocErrors = {}
      this.cancelReasons = {}
      this.cancelErrors = {}
      this.cancelled = {}
      if (this.station.id && this.station.id !== stationId) this.showStationForm = false
    }
    this.selectedId = stationId
    this.fixedResult = null
    this.adhocResult = null
    this.fixedError = null
    this.adhocError = null
    this.sessions = []
    if (stationId) await this.loadSessions()
  }

  async loadSessions(): Promise<void> {
    const stationId = this.selectedId
    if (!stationId) return
    this.sessionsLoading = true
    const res = await this.api.call('stations', 'sessions', { stationId })
    runInAction(() => {
      if (this.selectedId !== stationId) return
      this.sessionsLoading = false
      if (res.ok) this.sessions = res.data.items
    })
  }

  // ----- fixed day

  setFixed<K extends keyof FixedDayDraft>(field: K, value: FixedDayDraft[K]): void {
    this.fixed[field] = value
    delete this.fixedErrors[field]
  }

  async addFixedDay(): Promise<boolean> {
    const stationId = this.selectedId
    if (!stationId) return false
    const d = this.fixed
    const parsed = stationSchemas.addFixedDay.safeParse({
      stationId,
      weekday: d.weekday,
      start: d.start,
      end: d.end,
      slotMinutes: num(d.slotMinutes),
      capacity: num(d.capacity),
      validFrom: d.validFrom,
      validTo: d.validTo,
      ...(d.departmentIds.length ? { departmentIds: d.departmentIds } : {}),
      ...(d.staffIds.length ? { staffIds: d.staffIds } : {}),
    })
    this.fixedError = null
    this.fixedResult = null
    if (!parsed.success) {
      this.fixedErrors = byField(parsed.error.issues)
      return false
    }
    this.fixedErrors = {}
    this.savingFixed = true
    const res = await this.api.call('stations', 'addFixedDay', parsed.data)
    runInAction(() => {
      this.savingFixed = false
      if (res.ok) this.fixedResult = { generated: res.data.sessions.length }
      else this.fixedError = { code: res.error.code, message: res.error.message }
    })
    if (res.ok) await this.loadSessions()
    return res.ok
  }

  // ----- ad-hoc session

  setAdhoc<K extends keyof AdHocDraft>(field: K, value: AdHocDraft[K]): void {
    this.adhoc[field] = value
    delete this.adhocErrors[field]
  }

  toggle(form: 'fixed' | 'adhoc', list: 'staffIds' | 'departmentIds', id: string): void {
    const draft = form === 'fixed' ? this.fixed : this.adhoc
    draft[list] = draft[list].includes(id) ? draft[list].filter((x) => x !== id) : [...draft[list], id]
  }

  async createSession(): Promise<boolean> {
    const stationId = this.selectedId
    if (!stationId) return false
    const d = this.adhoc
    const parsed = stationSchemas.createSession.safeParse({
      stationId,
      kind: d.kind,
      date: d.date,
      start: d.start,
      end: d.end,
      slotMinutes: num(d.slotMinutes),
      capacity: num(d.capacity),
      ...(d.departmentIds.length ? { departmentIds: d.departmentIds } : {}),
      ...(d.staffIds.length ? { staffIds: d.staffIds } : {}),
    })
    this.adhocError = null
    this.adhocResult = null
    if (!parsed.success) {
      this.adhocErrors = byField(parsed.error.issues)
      return false
    }
    this.adhocErrors = {}
    this.savingAdhoc = true
    const res = await this.api.call('stations', 'createSession', parsed.data)
    runInAction(() => {
      this.savingAdhoc = false
      if (res.ok) this.adhocResult = res.data
      else this.adhocError = { code: res.error.code, message: res.error.message }
    })
    if (res.ok) await this.loadSessions()
    return res.ok
  }

  // ----- cancel a session

  setCancelReason(sessionId: string, reason: string): void {
    this.cancelReasons[sessionId] = reason
    delete this.cancelErrors[sessionId]
  }

  /** The cancellation as sent, or null with the reason's problem shown: checked before the page asks to confirm. */
  cancelInput(sessionId: string): { sessionId: string; reason: string } | null {
    const parsed = stationSchemas.cancelSession.safeParse({ sessionId, reason: this.cancelReasons[sessionId] ?? '' })
    if (parsed.success) return parsed.data
    this.cancelErrors[sessionId] = { code: 'VALIDATION_FAILED', message: `请填写取消原因（${STATION_LIMITS.cancelReason.min}–${STATION_LIMITS.cancelReason.max}个字），将通知已预约的持卡人` }
    return null
  }

  async cancelSession(sessionId: string): Promise<boolean> {
    const input = this.cancelInput(sessionId)
    if (!input) return false
    this.cancelling = sessionId
    delete this.cancelErrors[sessionId]
    const res = await this.api.call('stations', 'cancelSession', input)
    runInAction(() => {
      this.cancelling = null
      if (res.ok) {
        const { notifiedBookings, ...session } = res.data
        this.cancelled[sessionId] = notifiedBookings
        this.sessions = this.sessions.map((s) => (s.id === sessionId ? session : s))
      } else {
        this.cancelErrors[sessionId] = { code: res.error.code, message: res.error.message }
      }
    })
    return res.ok
  }
}
