import { makeAutoObservable, runInAction } from 'mobx'
import type { ApiClient } from '@/api/client'
import type { CardResponses, CardWithHolder } from '@/core/card/card.schema'
import { CARD_TOKEN_REFRESH_SECONDS, CARD_TOKEN_TTL_SECONDS } from '@/core/card/card.token.constants'
import { readLocal, writeLocal } from '@/utils/local-store'
import type { OfflineCard } from './offline-card'

export const TOKEN_REFRESH_MS = CARD_TOKEN_REFRESH_SECONDS * 1000
const TOKEN_TTL_MS = CARD_TOKEN_TTL_SECONDS * 1000

export type CardToken = CardResponses['token']

const isCardList = (value: unknown): value is CardWithHolder[] => Array.isArray(value)

// H5 fetches the offline credential's code (noble's Ed25519 and SHA-512, @scure/base: ~50 KB) when a card is first
// shown, not with the first screen (issue 13). The mini program's main package has no chunks to fetch: required in place.
const loadOfflineCard = (): Promise<typeof import('./offline-card')> =>
  process.env.TARO_ENV === 'h5'
    ? import('./offline-card')
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      Promise.resolve(require('./offline-card') as typeof import('./offline-card'))

/**
 * The holder's cards and the dynamic QR token of the card on screen, refreshed every 30 s with a 1 s countdown.
 * Without a network the page still shows the cards (kept from the last visit) and an offline code made on the phone.
 */
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
  /** online: the backend's token; offline: a code this phone made from its credential (no network). */
  mode: 'online' | 'offline' = 'online'
  /** Until when this phone can show the card offline (null: not bound yet). */
  offlineUntil: string | null = null

  private offlineCard: Promise<OfflineCard> | null = null
  private boundFor: string | null = null

  private runningFor: string | null = null
  private refreshTimer: ReturnType<typeof setInterval> | null = null
  private tickTimer: ReturnType<typeof setInterval> | null = null

  constructor(
    private readonly api: ApiClient,
    /** The signed-in person's id: what this phone keeps is kept per person. */
    private readonly userId: () => string | null = () => null,
  ) {
    makeAutoObservable<CardStore, 'api' | 'userId' | 'offlineCard' | 'boundFor' | 'runningFor' | 'refreshTimer' | 'tickTimer'>(this, {
      api: false,
      userId: false,
      offlineCard: false,
      boundFor: false,
      runningFor: false,
      refreshTimer: false,
      tickTimer: false,
    })
  }

  private offline(): Promise<OfflineCard> {
    this.offlineCard ??= loadOfflineCard().then(({ OfflineCard }) => new OfflineCard(this.api, () => this.storageKey('card-device')))
    return this.offlineCard
  }

  private storageKey(kind: string): string | null {
    const id = this.userId()
    return id ? `${kind}:${id}` : null
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
    const key = this.storageKey('card-list')
    const kept = !res.ok && res.error.code === 'NETWORK_UNAVAILABLE' && key ? readLocal(key, isCardList) : null
    if (res.ok && key) writeLocal(key, res.data.items)
    runInAction(() => {
      this.loading = false
      this.loaded = true
      if (res.ok) this.items = res.data.items
      else if (kept) this.items = kept
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
    // An offline code is made per 30-second window: the next one as soon as the window ends.
    if (this.mode === 'offline' && this.runningFor && this.token && this.now >= this.expiresAtMs) void this.showOfflineCode(this.runningFor)
  }

  /** 刷新 and the network coming back: a new token at once rather than at the next 30-second turn. */
  refresh(): void {
    if (this.runningFor) void this.fetchToken(this.runningFor)
  }

  async fetchToken(cardId: string): Promise<void> {
    const res = await this.api.call('cards', 'token', { cardId })
    if (!res.ok && res.error.code === 'NETWORK_UNAVAILABLE') return this.showOfflineCode(cardId)
    if (res.ok && this.boundFor !== cardId) {
      // Whenever the holder opens the card online, the phone's offline credential is made or renewed (7 days).
      this.boundFor = cardId
      void this.offline().then(async (offline) => {
        await offline.bind(cardId)
        runInAction(() => (this.offlineUntil = offline.validUntil(cardId)))
      })
    }
    runInAction(() => {
      if (this.runningFor !== cardId) return
      const now = Date.now()
      this.now = now
      if (res.ok) {
        this.mode = 'online'
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

  private async showOfflineCode(cardId: string): Promise<void> {
    const now = new Date()
    const offline = await this.offline()
    const code = await offline.code(cardId, now)
    runInAction(() => {
      if (this.runningFor !== cardId) return
      this.mode = 'offline'
      this.now = now.getTime()
      this.offlineUntil = offline.validUntil(cardId)
      if (code.ok) {
        this.token = { qr: code.qr, expiresAt: new Date(code.expiresAtMs).toISOString(), refreshAfter: new Date(code.expiresAtMs).toISOString() }
        this.expiresAtMs = code.expiresAtMs
        this.tokenError = null
      } else {
        this.token = null
        this.tokenError = code.message
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
    this.mode = 'online'
    this.offlineUntil = null
    this.boundFor = null
  }
}
