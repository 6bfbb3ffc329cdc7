import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { CardResponses, CardWithHolder } from '@/core/card/card.schema'
import { CARD_TOKEN_REFRESH_SECONDS, CARD_TOKEN_TTL_SECONDS } from '@/core/card/card.token.constants'

export const TOKEN_REFRESH_MS = CARD_TOKEN_REFRESH_SECONDS * 1000
const TOKEN_TTL_MS = CARD_TOKEN_TTL_SECONDS * 1000

export type CardToken = CardResponses['token']

/** The holder's cards and the dynamic QR token of the card on screen, refreshed every 30 s with a 1 s countdown. */
export class CardStore {
  items: CardWithHolder[] = []
  loaded = false
  loading = false
  error: string | null = null

  token: CardToken | null = null
  /** Local clock time at which the current token expires (guarded against a skewed phone clock). */
  expiresAtMs = 0
  now = Date.now()
  tokenError: string | null = null
  identityRevealed = false

  private runningFor: string | null = null
  private refreshTimer: ReturnType<typeof setInterval> | null = null
  private tickTimer: ReturnType<typeof setInterval> | null = null

  constructor(private readonly api: ApiClient) {
    makeAutoObservable<CardStore, 'api' | 'runningFor' | 'refreshTimer' | 'tickTimer'>(this, {
      api: false,
      runningFor: false,
      refreshTimer: false,
      tickTimer: false,
    })
  }

  /** The card shown: the first active one, else the first one. */
  get current(): CardWithHolder | null {
    return this.items.find((item) => item.card.status === 'active') ?? this.items[0] ?? null
  }

  get secondsLeft(): number {
    if (!this.token) return 0
    return Math.max(0, Math.ceil((this.expiresAtMs - this.now) / 1000))
  }

  get expired(): boolean {
    return this.token !== null && this.secondsLeft === 0
  }

  async loadMine(): Promise<void> {
    this.loading = true
    this.error = null
    const res = await this.api.call('cards', 'mine')
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else this.error = res.error.message
    })
  }

  toggleIdentity(): void {
    this.identityRevealed = !this.identityRevealed
  }

  /** Starts the token refresh (every 30 s) and the countdown (every 1 s) for the current active card. */
  startTokens(): void {
    const card = this.current?.card
    if (!card || card.status !== 'active') {
      this.stopTokens()
      return
    }
    if (this.runningFor === card.id && this.refreshTimer) return
    this.stopTokens()
    this.runningFor = card.id
    void this.fetchToken(card.id)
    this.refreshTimer = setInterval(() => void this.fetchToken(card.id), TOKEN_REFRESH_MS)
    this.tickTimer = setInterval(() => this.tick(), 1000)
  }

  stopTokens(): void {
    if (this.refreshTimer) clearInterval(this.refreshTimer)
    if (this.tickTimer) clearInterval(this.tickTimer)
    this.refreshTimer = null
    this.tickTimer = null
    this.runningFor = null
  }

  tick(): void {
    this.now = Date.now()
  }

  async fetchToken(cardId: string): Promise<void> {
    const res = await this.api.call('cards', 'token', { cardId })
    runInAction(() => {
      if (this.runningFor !== cardId) return
      const now = Date.now()
      this.now = now
      if (res.ok) {
        this.token = res.data
        this.tokenError = null
        const remaining = Date.parse(res.data.expiresAt) - now
        // A phone whose clock disagrees with the server's would show nonsense: fall back to the token's lifetime.
        this.expiresAtMs = Number.isFinite(remaining) && remaining > 0 && remaining <= TOKEN_TTL_MS + 5000 ? now + remaining : now + TOKEN_TTL_MS
      } else {
        this.tokenError = res.error.message
      }
    })
  }

  reset(): void {
    this.stopTokens()
    this.items = []
    this.loaded = false
    this.error = null
    this.token = null
    this.tokenError = null
    this.identityRevealed = false
  }
}
