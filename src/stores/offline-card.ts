import { base64urlnopad } from '@scure/base'
import type { ApiClient } from '@/api/client'
import { makeOfflineCode, OFFLINE_NONCE_BYTES, OFFLINE_WINDOW_SECONDS } from '@/core/card/offline-code'
import { ed25519 } from '@/core/card/card.token.noble'
import { readLocal, writeLocal } from '@/utils/local-store'
import { randomBytes } from '@/utils/random'

/** What the phone keeps for one card: its own device key (the secret never leaves the phone) and the signed credential. */
export interface OfflineDevice {
  cardId: string
  secretKey: string
  publicKey: string
  credential: string | null
  validUntil: string | null
}

const isDevice = (value: unknown): value is OfflineDevice =>
  typeof value === 'object' && value !== null && typeof (value as OfflineDevice).cardId === 'string' && typeof (value as OfflineDevice).secretKey === 'string'

export type OfflineCode = { ok: true; qr: string; expiresAtMs: number } | { ok: false; message: string }

/**
 * The holder's card without a network (issue 14): binds this phone's key to the card while online (`cards.bindDevice`,
 * which renews the credential for the same key), and makes a fresh offline code per 30-second window while offline.
 */
export class OfflineCard {
  constructor(
    private readonly api: ApiClient,
    /** Storage key of the signed-in person: another person on the same phone never uses this device key. */
    private readonly storageKey: () => string | null,
  ) {}

  private read(cardId: string): OfflineDevice | null {
    const key = this.storageKey()
    const device = key ? readLocal(key, isDevice) : null
    return device?.cardId === cardId ? device : null
  }

  /** Online: make sure this phone holds a key and a fresh credential for the card. Failures are silent: online codes work. */
  async bind(cardId: string): Promise<void> {
    const key = this.storageKey()
    if (!key) return
    let device = this.read(cardId)
    if (!device) {
      const secret = await randomBytes(32)
      device = {
        cardId,
        secretKey: base64urlnopad.encode(secret),
        publicKey: base64urlnopad.encode(ed25519.getPublicKey(secret)),
        credential: null,
        validUntil: null,
      }
      if (!writeLocal(key, device)) return
    }
    const res = await this.api.call('cards', 'bindDevice', { cardId, publicKey: device.publicKey })
    if (res.ok && this.storageKey() === key) writeLocal(key, { ...device, credential: res.data.credential, validUntil: res.data.validUntil })
  }

  /** Until when the phone can show the card offline; null when it never bound this card. */
  validUntil(cardId: string): string | null {
    return this.read(cardId)?.validUntil ?? null
  }

  /** The offline code for `now`, valid until its 30-second window ends (plus the verifier's drift tolerance). */
  async code(cardId: string, now: Date): Promise<OfflineCode> {
    const device = this.read(cardId)
    if (!device?.credential || !device.validUntil) {
      return { ok: false, message: '当前无网络，本机尚未保存离线服务卡。请联网后打开一次服务卡，之后断网也能出示。' }
    }
    if (Date.parse(device.validUntil) <= now.getTime()) {
      return { ok: false, message: '离线服务卡已过期（有效期7天）。请联网后打开一次服务卡即可续期。' }
    }
    const nonce = await randomBytes(OFFLINE_NONCE_BYTES)
    const qr = makeOfflineCode({ credential: device.credential, deviceSecretKey: device.secretKey, now, nonce })
    const windowMs = OFFLINE_WINDOW_SECONDS * 1000
    return { ok: true, qr, expiresAtMs: (Math.floor(now.getTime() / windowMs) + 1) * windowMs }
  }
}
