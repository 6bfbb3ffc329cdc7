import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { AuthResponses } from '@/core/auth/auth.schema'
import type { UserView } from '@/core/auth/roles'

export type DesktopChallenge = AuthResponses['desktopChallenge']

/** Time as the store sees it: real timers in the app, jest's fake ones (or a hand-made clock) in tests. */
export interface PollClock {
  now(): number
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realClock: PollClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** How often the browser asks whether the phone has confirmed. */
export const POLL_MS = 2000
/** New QR codes fetched without a click when one runs out; after that the 刷新二维码 button. */
export const AUTO_RENEWALS = 3
/** The challenge's life as this browser counts it, whatever its clock says about expiresAt (≈2 min on the server). */
const MIN_LIFE_MS = 15_000
const MAX_LIFE_MS = 5 * 60_000

/** Answers after which this QR code can never sign anyone in: fetch another. */
const DEAD_CHALLENGE = new Set(['CHALLENGE_EXPIRED', 'CHALLENGE_USED', 'NOT_FOUND'])

export type DesktopStatus = 'loading' | 'waiting' | 'approved' | 'expired' | 'failed'

/**
 * The desktop console's sign-in: a QR code from `auth.desktopChallenge` for the mini program to scan, then
 * `auth.pollDesktop` every 2 s with the poll key only this browser knows until the phone confirms; the token it
 * answers then becomes this browser's session. An expired or used code is replaced a few times on its own.
 */
export class DesktopSignInStore {
  challenge: DesktopChallenge | null = null
  status: DesktopStatus = 'loading'
  /** What went wrong last (a network failure while polling, a refused challenge). */
  message: string | null = null
  /** QR codes fetched on their own since the last click (or the start). */
  renewals = 0
  private timer: unknown = null
  private deadline = 0
  private running = false
  /** Bumped on every new challenge and on stop: answers to older requests are dropped. */
  private generation = 0

  constructor(
    private readonly api: ApiClient,
    private readonly onApproved: (token: string, user: UserView) => void,
    private readonly clock: PollClock = realClock,
  ) {
    makeAutoObservable<DesktopSignInStore, 'api' | 'onApproved' | 'clock' | 'timer' | 'deadline' | 'running' | 'generation'>(this, {
      api: false,
      onApproved: false,
      clock: false,
      timer: false,
      deadline: false,
      running: false,
      generation: false,
    })
  }

  get statusText(): string {
    switch (this.status) {
      case 'loading':
        return '正在获取登录二维码…'
      case 'waiting':
        return this.message ?? '等待扫码确认（二维码2分钟内有效，过期自动更换）'
      case 'approved':
        return '已确认，正在进入…'
      case 'expired':
        return '二维码已过期，请点击“刷新二维码”'
      case 'failed':
        return this.message ?? '获取登录二维码失败'
    }
  }

  /** The 刷新二维码 button: shown once the automatic renewals are used up or a challenge could not be fetched. */
  get canRefresh(): boolean {
    return this.status === 'expired' || this.status === 'failed'
  }

  start(): void {
    if (this.running) return
    this.running = true
    this.renewals = 0
    void this.fetchChallenge()
  }

  /** Unmounted (or signed in): no more timers, and answers still under way are ignored. */
  stop(): void {
    this.running = false
    this.generation += 1
    this.clearTimer()
  }

  /** The 刷新二维码 button: a new code and a new round of automatic renewals. */
  refresh(): void {
    this.running = true
    this.renewals = 0
    void this.fetchChallenge()
  }

  private async fetchChallenge(): Promise<void> {
    this.clearTimer()
    const generation = ++this.generation
    this.status = 'loading'
    this.message = null
    const res = await this.api.call('auth', 'desktopChallenge')
    if (generation !== this.generation) return
    runInAction(() => {
      if (!res.ok) {
        this.challenge = null
        this.status = 'failed'
        this.message = res.error.message
        return
      }
      this.challenge = res.data
      this.status = 'waiting'
      const now = this.clock.now()
      const life = Date.parse(res.data.expiresAt) - now
      this.deadline = now + Math.min(MAX_LIFE_MS, Math.max(MIN_LIFE_MS, Number.isFinite(life) ? life : MIN_LIFE_MS))
      this.schedule(generation)
    })
  }

  private schedule(generation: number): void {
    this.clearTimer()
    this.timer = this.clock.setTimeout(() => void this.poll(generation), POLL_MS)
  }

  private async poll(generation: number): Promise<void> {
    this.timer = null
    const challenge = this.challenge
    if (!this.running || generation !== this.generation || !challenge) return
    if (this.clock.now() >= this.deadline) return this.renew()
    const res = await this.api.call('auth', 'pollDesktop', {
      challengeId: challenge.challengeId,
      pollKey: challenge.pollKey,
    })
    if (!this.running || generation !== this.generation) return
    if (res.ok && res.data.status === 'approved') {
      const { token, user } = res.data
      runInAction(() => {
        this.status = 'approved'
        this.message = null
      })
      this.stop()
      this.onApproved(token, user)
      return
    }
    if (!res.ok && DEAD_CHALLENGE.has(res.error.code)) return this.renew()
    runInAction(() => {
      // Pending, or the network failed once: keep asking until the code runs out.
      this.message = res.ok ? null : `${res.error.message}，正在重试…`
    })
    this.schedule(generation)
  }

  /** This code is dead: another one on its own a few times, then the button. */
  private renew(): void {
    if (this.renewals < AUTO_RENEWALS) {
      this.renewals += 1
      void this.fetchChallenge()
      return
    }
    this.clearTimer()
    this.generation += 1
    this.challenge = null
    this.status = 'expired'
    this.message = null
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
