import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { Uploader } from '@/api/upload'
import type { UserView } from '@/core/auth/roles'
import type { BookingResponses, RosterBookingView } from '@/core/booking/booking.schema'
import { shanghaiInstant } from '@/core/calendar/shanghai-time'
import { ERRORS } from '@/core/errors/error.codes'
import type { NextStepKind, ProblemCategory } from '@/core/problem/problem.labels'
import { problemSchemas } from '@/core/problem/problem.schema'
import type { OfflineKit, StationResponses } from '@/core/station/station.schema'
import { checkInOffline, offlineRoster, type OfflineCheckIn } from '@/core/sync/offline-desk'
import { queueCounts, type QueueCounts, type QueuedAction } from '@/core/sync/sync.queue'
import { newClientId } from '@/utils/client-id'
import type { ShownError } from '@/utils/errors'
import { newIdempotencyKey } from '@/utils/idempotency'
import { shanghaiToday } from '@/utils/time'
import { DeskOffline } from './desk-offline'

export type Roster = BookingResponses['roster']
export type CheckInResult = BookingResponses['checkIn']

/** A problem recorded at the desk for the holder just checked in, and what staff did with it on the spot. */
export interface DeskProblem {
  category: ProblemCategory
  title: string
  description: string
  /** Photos kept on the device (photoKeeper), uploaded when the queue syncs. */
  photos: string[]
  handling: { kind: 'none' } | { kind: 'answer'; reply: string } | { kind: 'defer'; deferral: { explanation: string; suggestion: string; nextStep: { kind: NextStepKind; date: string } } }
}

function firstIssue(parsed: { success: boolean; error?: { issues: Array<{ message: string }> } }): ShownError | null {
  return parsed.success ? null : { code: 'VALIDATION_FAILED', message: parsed.error?.issues[0]?.message ?? '提交的内容不符合要求' }
}

const NOT_STORED: ShownError = { code: 'STORAGE_FULL', message: '手机存储空间不足，本次操作未能保存，请清理后重试' }

/**
 * Staff's 今日服务台: the sessions they are rostered on today, one session's roster, check-in and no-shows. Without a
 * network (issue 14) it works from the session's offline kit: check-ins are verified on the device, and every action
 * waits in a queue kept on the phone until it syncs — by itself when the network returns, or on 立即同步.
 */
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

  /** false once a request did not get through, or the platform said the network is gone. */
  online = true
  /** A check-in made on this device without the backend (shown until the backend's roster replaces it). */
  offlineCheckIn: (OfflineCheckIn & { clientId: string }) | null = null
  kit: OfflineKit | null = null
  kitError: ShownError | null = null
  downloadingKit = false
  queue: QueuedAction[] = []
  lastSyncAt: string | null = null
  syncing = false
  syncError: ShownError | null = null

  private readonly offline: DeskOffline

  constructor(
    private readonly api: ApiClient,
    uploader: Uploader,
    private readonly user: () => UserView | null = () => null,
  ) {
    this.offline = new DeskOffline(api, uploader, () => this.user()?.id ?? null)
    makeAutoObservable<DeskStore, 'api' | 'offline' | 'user'>(this, { api: false, offline: false, user: false })
  }

  get queueState(): QueueCounts {
    return queueCounts(this.queue)
  }

  /**
   * Who a problem recorded at the desk is for: the holder just checked in. Offline, a walk-in is named by the check-in's
   * client id, which the backend resolves when both sync (src/core/sync/sync.schema.ts).
   */
  get problemHolder(): { holderId: string; holderName: string; bookingId: string | null } | null {
    if (this.checkInResult) {
      const { visit, holder } = this.checkInResult
      return { holderId: visit.holderId, holderName: holder.name, bookingId: visit.bookingId }
    }
    const offline = this.offlineCheckIn
    if (!offline) return null
    return {
      holderId: offline.booking?.holderId ?? offline.clientId,
      holderName: offline.holderName ?? offline.booking?.holderName ?? '持卡人',
      bookingId: offline.booking?.id ?? null,
    }
  }

  /**
   * 登记诉求 at the desk, online or not: the submission and its handling on the spot (答复 or 暂缓办理) go through the
   * queue, so one path serves both; online they are pushed at once. Null when queued, else the reason.
   */
  recordProblem(problem: DeskProblem): ShownError | null {
    const holder = this.problemHolder
    if (!holder) return { code: 'VALIDATION_FAILED', message: '请先为持卡人签到' }
    const submit = {
      category: problem.category,
      title: problem.title.trim(),
      description: problem.description.trim(),
      holderId: holder.holderId,
      ...(holder.bookingId ? { bookingId: holder.bookingId } : {}),
      idempotencyKey: newIdempotencyKey(),
    }
    const invalid = firstIssue(problemSchemas.submit.safeParse(submit))
    if (invalid) return invalid
    const id = newClientId()
    const handling =
      problem.handling.kind === 'answer'
        ? { kind: 'problems.answer' as const, payload: { id, reply: problem.handling.reply.trim(), version: 0 } }
        : problem.handling.kind === 'defer'
          ? { kind: 'problems.defer' as const, payload: { id, ...problem.handling.deferral, version: 0 } }
          : null
    if (handling) {
      const schema = handling.kind === 'problems.answer' ? problemSchemas.answer : problemSchemas.defer
      // The deferral rule holds offline too: explanation, suggestion and the next step.
      const wrong = firstIssue(schema.safeParse({ ...handling.payload, id: '00000000-0000-4000-8000-000000000000' }))
      if (wrong) return wrong
    }
    if (!this.enqueue('problems.submit', submit, { photos: problem.photos, id })) return NOT_STORED
    if (handling && !this.enqueue(handling.kind, handling.payload)) return NOT_STORED
    if (this.online) void this.sync()
    return null
  }

  /** Actions the backend refused or flagged, with its reason: shown, never dropped silently. */
  get problemsInQueue(): QueuedAction[] {
    return this.queue.filter((a) => a.state === 'refused' || (a.state === 'done' && a.code))
  }

  private get isAdmin(): boolean {
    return this.user()?.roles.includes('admin') ?? false
  }

  private wentOffline(code: string): boolean {
    if (code !== 'NETWORK_UNAVAILABLE') return false
    this.online = false
    return true
  }

  private useKitFor(sessionId: string): void {
    this.kit = this.offline.kit(sessionId)
    this.roster = this.kit ? offlineRoster(this.kit, this.queue) : null
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
    // What this phone keeps is per person: read once the person is known (the page loads only for a signed-in one).
    this.queue = this.offline.queue()
    this.lastSyncAt = this.offline.lastSyncAt()
    const res = await this.api.call('stations', 'desk', date ? { date } : {})
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) {
        this.online = true
        this.date = res.data.date
        this.sessions = res.data.items
      } else if (this.wentOffline(res.error.code)) {
        // Offline: the sessions whose kits this phone holds, today's first.
        const today = date ?? shanghaiToday()
        const kept = Object.values(this.offline.kits()).map((kit) => kit.session)
        this.date = today
        this.sessions = kept.filter((s) => s.date === today).length ? kept.filter((s) => s.date === today) : kept
      } else {
        this.error = { code: res.error.code, message: res.error.message }
      }
      if (this.sessionId && !this.sessions.some((s) => s.id === this.sessionId)) this.sessionId = null
      if (!this.sessionId && this.sessions.length === 1) this.sessionId = this.sessions[0].id
    })
    if (this.sessionId && (!this.roster || this.roster.session.id !== this.sessionId)) await this.loadRoster()
    if (this.online && this.queueState.queued > 0) await this.sync()
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

  /** The backend's roster online (and a fresh kit for the road); the kit's with this device's actions offline. */
  async loadRoster(): Promise<void> {
    const sessionId = this.sessionId
    if (!sessionId) return
    this.rosterLoading = true
    this.rosterError = null
    this.kit = this.offline.kit(sessionId)
    const res = await this.api.call('bookings', 'roster', { sessionId })
    runInAction(() => {
      if (this.sessionId !== sessionId) return
      this.rosterLoading = false
      if (res.ok) {
        this.online = true
        this.roster = res.data
      } else if (this.wentOffline(res.error.code)) {
        this.useKitFor(sessionId)
        if (!this.kit) this.rosterError = { code: 'NETWORK_UNAVAILABLE', message: '当前无网络，且本机没有该场次的离线包。请联网后在服务台下载离线包。' }
      } else {
        this.rosterError = { code: res.error.code, message: res.error.message }
      }
    })
    if (res.ok) await this.downloadKit()
  }

  /** Downloads the session's offline kit (also done by itself whenever the roster loads online). */
  async downloadKit(): Promise<boolean> {
    const sessionId = this.sessionId
    if (!sessionId || this.downloadingKit) return false
    this.downloadingKit = true
    this.kitError = null
    const res = await this.offline.downloadKit(sessionId, shanghaiToday())
    runInAction(() => {
      this.downloadingKit = false
      if (res.ok) {
        if (this.sessionId === sessionId) this.kit = res.kit
      } else {
        this.wentOffline(res.code)
        this.kitError = { code: res.code, message: res.message }
      }
    })
    return res.ok
  }

  /** 联网/断网 from the platform: back online, the queue syncs by itself. */
  setOnline(online: boolean): void {
    this.online = online
    if (online) void this.sync()
  }

  /** Pushes what waits in the queue, then shows the backend's roster again. */
  async sync(): Promise<void> {
    if (this.syncing) return
    this.syncing = true
    this.syncError = null
    const outcome = await this.offline.sync(() => new Date())
    runInAction(() => {
      this.syncing = false
      this.queue = this.offline.queue()
      this.lastSyncAt = this.offline.lastSyncAt()
      if (outcome === 'offline') this.online = false
      if (outcome === 'failed') this.syncError = { code: 'INTERNAL', message: '同步未完成，请稍后重试' }
      if (outcome === 'done') this.online = true
    })
    if (outcome === 'done' && this.sessionId) await this.loadRoster()
  }

  /** Keeps an action for the queue; false (with the reason on screen) when the phone could not store it. */
  private enqueue(kind: QueuedAction['kind'], payload: Record<string, unknown>, extra: { photos?: string[]; local?: QueuedAction['local']; id?: string } = {}): string | null {
    const id = this.offline.enqueue(kind, payload, new Date(), extra.photos, extra.id, extra.local)
    this.queue = this.offline.queue()
    if (this.kit && this.sessionId) this.roster = offlineRoster(this.kit, this.queue)
    return id
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
    this.offlineCheckIn = null
    if (!this.online) return this.checkInOffline(sessionId, text)
    this.checkingIn = true
    const res = await this.api.call('bookings', 'checkIn', { sessionId, qr: text })
    runInAction(() => {
      this.checkingIn = false
      if (res.ok) {
        this.checkInResult = res.data
        this.input = ''
      } else if (!this.wentOffline(res.error.code)) {
        this.checkInError = { code: res.error.code, message: res.error.message }
      }
    })
    if (!res.ok && !this.online) return this.checkInOffline(sessionId, text)
    if (res.ok) await this.loadRoster()
    return res.ok
  }

  /** Verified on this device against the kit, and queued. */
  private checkInOffline(sessionId: string, qr: string): boolean {
    const kit = this.offline.kit(sessionId)
    if (!kit) {
      this.checkInError = { code: 'NETWORK_UNAVAILABLE', message: '当前无网络，且本机没有该场次的离线包，无法核验。请联网后下载离线包。' }
      return false
    }
    const now = new Date()
    const checked = checkInOffline(kit, qr, { now, isAdmin: this.isAdmin, seenNonces: this.offline.seenNonces(now) })
    if (!checked.ok) {
      this.checkInError = { code: checked.error.code, message: checked.error.message }
      return false
    }
    const local = { cardId: checked.data.cardId, holderName: checked.data.holderName, bookingId: checked.data.booking?.id ?? null }
    const clientId = this.enqueue('bookings.checkIn', { sessionId, qr }, { local })
    if (!clientId) {
      this.checkInError = NOT_STORED
      return false
    }
    this.offline.remember(checked.data.nonce, now)
    this.offlineCheckIn = { ...checked.data, clientId }
    this.input = ''
    return true
  }

  async markNoShow(bookingId: string): Promise<boolean> {
    delete this.noShowErrors[bookingId]
    if (!this.online) return this.markNoShowOffline(bookingId)
    this.marking = bookingId
    const res = await this.api.call('bookings', 'markNoShow', { bookingId })
    runInAction(() => {
      this.marking = null
      if (!res.ok && !this.wentOffline(res.error.code)) this.noShowErrors[bookingId] = { code: res.error.code, message: res.error.message }
    })
    if (!res.ok && !this.online) return this.markNoShowOffline(bookingId)
    if (res.ok) await this.loadRoster()
    return res.ok
  }

  private markNoShowOffline(bookingId: string): boolean {
    const session = this.kit?.session
    if (session && Date.now() < shanghaiInstant(session.date, session.end).getTime()) {
      this.noShowErrors[bookingId] = { code: 'SESSION_NOT_ENDED', message: ERRORS.SESSION_NOT_ENDED.message }
      return false
    }
    if (!this.enqueue('bookings.markNoShow', { bookingId })) {
      this.noShowErrors[bookingId] = NOT_STORED
      return false
    }
    return true
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
    this.offlineCheckIn = null
    this.kit = null
  }
}
