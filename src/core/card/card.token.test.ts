import { CARD_TOKEN_TTL_SECONDS, signCardToken, verifyCardToken } from './card.token'
import { ed25519, noblePublicKey, nobleSigner, nobleVerifier } from './card.token.noble'

const secretKey = new Uint8Array(32).fill(7)
const publicKey = nobleVerifier(noblePublicKey(secretKey))
const cardId = '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b'
const nowMs = Date.UTC(2026, 10, 22, 2, 0, 0)
const nonce = new Uint8Array(16).fill(1)

function sign(at = nowMs, n = nonce) {
  return signCardToken({ cardId, nowMs: at, nonce: n }, nobleSigner(secretKey))
}

describe('card token', () => {
  it('round-trips the claims and expires after the TTL', () => {
    const { qr, claims } = sign()
    expect(qr.startsWith(`LDZ1.${cardId}.`)).toBe(true)
    expect(claims.expiresAt - claims.issuedAt).toBe(CARD_TOKEN_TTL_SECONDS)
    expect(verifyCardToken(qr, publicKey, nowMs + 59_000)).toEqual({ ok: true, data: claims })
    expect(verifyCardToken(qr, publicKey, nowMs + 60_000)).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } })
  })

  it('stays small enough for a readable QR code', () => {
    expect(sign().qr.length).toBeLessThanOrEqual(180)
  })

  it('uses a fresh nonce per token', () => {
    const a = sign(nowMs, new Uint8Array(16).fill(1)).qr
    const b = sign(nowMs, new Uint8Array(16).fill(2)).qr
    expect(a).not.toBe(b)
  })

  it('refuses a token signed by another key', () => {
    const forged = signCardToken({ cardId, nowMs, nonce }, nobleSigner(ed25519.randomSecretKey()))
    expect(verifyCardToken(forged.qr, publicKey, nowMs)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('refuses any altered field, including a stretched expiry', () => {
    const { qr } = sign()
    const parts = qr.split('.')
    const alter = (index: number, value: string) => parts.map((p, i) => (i === index ? value : p)).join('.')
    const altered = [
      alter(1, '1b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b'),
      alter(3, String(Number(parts[3]) + 3600)),
      alter(4, 'AQEBAQEBAQEBAQEBAQEBAg'),
      alter(5, (parts[5][0] === 'A' ? 'B' : 'A') + parts[5].slice(1)),
    ]
    for (const token of altered) {
      expect(verifyCardToken(token, publicKey, nowMs)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    }
  })

  it('refuses garbage and tokens issued in the future', () => {
    for (const garbage of ['', 'hello', 'LDZ1....', `LDZ1.${cardId}.1.2.3.4`, 'x'.repeat(500)]) {
      expect(verifyCardToken(garbage, publicKey, nowMs)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    }
    const future = sign(nowMs + 5 * 60_000).qr
    expect(verifyCardToken(future, publicKey, nowMs)).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
  })

  it('accepts surrounding whitespace from a pasted scan', () => {
    expect(verifyCardToken(`  ${sign().qr}\n`, publicKey, nowMs).ok).toBe(true)
  })
})
