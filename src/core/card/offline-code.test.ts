import { base64urlnopad } from '@scure/base'
import { ed25519, nobleSigner, noblePublicKey } from './card.token.noble'
import {
  makeOfflineCode,
  OFFLINE_CODE_PREFIX,
  signOfflineCredential,
  verifyOfflineCode,
  type OfflineVerifyKit,
} from './offline-code'

const districtKey = new Uint8Array(32).fill(7)
const deviceKey = new Uint8Array(32).fill(9)
const b64 = (bytes: Uint8Array) => base64urlnopad.encode(bytes)
const cardId = '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b'
const now = new Date(Date.UTC(2026, 10, 22, 2, 0, 10))
const validUntil = new Date(now.getTime() + 7 * 86_400_000)
const kit: OfflineVerifyKit = { cardPublicKey: b64(noblePublicKey(districtKey)), blockedCards: [] }

function credential(overrides: { validUntil?: Date; holderName?: string; devicePublicKey?: string; signWith?: Uint8Array } = {}) {
  return signOfflineCredential(
    {
      cardId,
      cardType: 'enterprise',
      holderName: overrides.holderName ?? '威海海川科技有限公司',
      devicePublicKey: overrides.devicePublicKey ?? b64(noblePublicKey(deviceKey)),
      validUntil: overrides.validUntil ?? validUntil,
    },
    nobleSigner(overrides.signWith ?? districtKey),
  )
}

function code(at = now, nonce = new Uint8Array(8).fill(1), cred = credential(), secret = deviceKey) {
  return makeOfflineCode({ credential: cred, deviceSecretKey: b64(secret), now: at, nonce })
}

const seconds = (s: number) => new Date(now.getTime() + s * 1000)

describe('offline card code', () => {
  it('verifies with the kit alone and shows the signed holder', () => {
    const result = verifyOfflineCode(code(), kit, now)
    expect(result).toEqual({
      ok: true,
      data: {
        cardId,
        cardType: 'enterprise',
        holderName: '威海海川科技有限公司',
        devicePublicKey: b64(noblePublicKey(deviceKey)),
        validUntil: new Date(Math.floor(validUntil.getTime() / 1000) * 1000).toISOString(),
        window: Math.floor(now.getTime() / 30_000),
        nonce: b64(new Uint8Array(8).fill(1)),
      },
    })
  })

  it('refuses a forged credential: signed by another key, or one altered byte', () => {
    const forged = code(now, undefined, credential({ signWith: ed25519.randomSecretKey() }))
    expect(verifyOfflineCode(forged, kit, now)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    const good = code()
    // The holder name's first unit sits right after the fixed fields: change one character of the base32 there.
    const at = OFFLINE_CODE_PREFIX.length + 90
    const altered = good.slice(0, at) + (good[at] === 'A' ? 'B' : 'A') + good.slice(at + 1)
    expect(verifyOfflineCode(altered, kit, now)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('refuses a proof signed by a device other than the credential’s', () => {
    const otherDevice = ed25519.randomSecretKey()
    expect(verifyOfflineCode(code(now, undefined, credential(), otherDevice), kit, now)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('refuses an expired credential', () => {
    const expired = credential({ validUntil: seconds(-1) })
    expect(verifyOfflineCode(code(now, undefined, expired), kit, now)).toMatchObject({ ok: false, error: { code: 'OFFLINE_CREDENTIAL_EXPIRED' } })
  })

  it('refuses a card revoked or suspended in the kit', () => {
    expect(verifyOfflineCode(code(), { ...kit, blockedCards: [{ cardId, status: 'revoked' }] }, now)).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } })
    expect(verifyOfflineCode(code(), { ...kit, blockedCards: [{ cardId, status: 'suspended' }] }, now)).toMatchObject({ ok: false, error: { code: 'CARD_SUSPENDED' } })
  })

  it('accepts the window within ±90 s of drift and refuses outside it', () => {
    // now is 10 s into its window [t0, t0 + 30): the code stays good until t0 + 120 s and is good from t0 - 90 s.
    expect(verifyOfflineCode(code(), kit, seconds(109)).ok).toBe(true)
    expect(verifyOfflineCode(code(), kit, seconds(110))).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } })
    expect(verifyOfflineCode(code(), kit, seconds(-100)).ok).toBe(true)
    expect(verifyOfflineCode(code(), kit, seconds(-101))).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('refuses a nonce this device has already accepted', () => {
    const first = verifyOfflineCode(code(), kit, now)
    if (!first.ok) throw new Error('first scan must pass')
    const seen = new Set([first.data.nonce])
    expect(verifyOfflineCode(code(), { ...kit, seenNonces: seen }, now)).toMatchObject({ ok: false, error: { code: 'TOKEN_REPLAYED' } })
    expect(verifyOfflineCode(code(now, new Uint8Array(8).fill(2)), { ...kit, seenNonces: seen }, now).ok).toBe(true)
  })

  it('refuses garbage and ordinary tokens', () => {
    for (const text of ['', 'LDZO1.', 'LDZO1.AAAA.BBBB', `${code()}.AAAA`, `LDZ1.${cardId}.1.2.3.4`, 'x'.repeat(400)]) {
      expect(verifyOfflineCode(text, kit, now)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    }
  })

  it('cuts a long name and still verifies', () => {
    const long = '某某'.repeat(40)
    const result = verifyOfflineCode(code(now, undefined, credential({ holderName: long })), kit, now)
    expect(result.ok && result.data.holderName).toBe(`${long.slice(0, 23)}…`)
  })
})
