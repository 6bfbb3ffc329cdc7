import { base64urlnopad } from '@scure/base'
import { fail, ok, type Result } from '../errors'
import { CARD_TOKEN_REFRESH_SECONDS, CARD_TOKEN_TTL_SECONDS } from './card.token.constants'

/**
 * The dynamic QR code of a service card: `LDZ1.<cardId>.<issuedAt>.<expiresAt>.<nonce>.<signature>`, times in Unix
 * seconds, signature Ed25519 over everything before the last dot. Plain dotted fields keep the QR code small (about 175
 * characters) and let a staff device verify offline with the published public key.
 */
export const CARD_TOKEN_PREFIX = 'LDZ1'
export { CARD_TOKEN_REFRESH_SECONDS, CARD_TOKEN_TTL_SECONDS }
/** Tolerated clock difference between the signing server and the verifier. */
const CLOCK_SKEW_SECONDS = 30

const TOKEN_SHAPE =
  /^LDZ1\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(\d{10})\.(\d{10})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{86})$/

/** Ed25519 over a message, supplied by the platform: native crypto on the server, @noble/ed25519 on a phone (card.token.noble.ts). */
export type SignBytes = (message: Uint8Array) => Uint8Array
export type VerifyBytes = (signature: Uint8Array, message: Uint8Array) => boolean

export interface CardTokenClaims {
  cardId: string
  issuedAt: number
  expiresAt: number
  nonce: string
}

export function signCardToken(
  input: { cardId: string; nowMs: number; nonce: Uint8Array },
  sign: SignBytes,
): { qr: string; claims: CardTokenClaims } {
  if (input.nonce.length !== 16) throw new Error('card token nonce must be 16 random bytes')
  const issuedAt = Math.floor(input.nowMs / 1000)
  const claims = { cardId: input.cardId, issuedAt, expiresAt: issuedAt + CARD_TOKEN_TTL_SECONDS, nonce: base64urlnopad.encode(input.nonce) }
  const body = [CARD_TOKEN_PREFIX, claims.cardId, claims.issuedAt, claims.expiresAt, claims.nonce].join('.')
  const signature = sign(asciiBytes(body))
  return { qr: `${body}.${base64urlnopad.encode(signature)}`, claims }
}

/**
 * Whether a text has the form of a card token, nothing checked yet: a desk tells pasted garbage (无效的二维码) from a
 * real code shown at the wrong time before it looks at the time.
 */
export function isCardTokenShaped(qr: string): boolean {
  return TOKEN_SHAPE.test(qr.trim())
}

/** Checks shape, signature and time. Card status and replay are the caller's to check, against the store. */
export function verifyCardToken(qr: string, verify: VerifyBytes, nowMs: number): Result<CardTokenClaims> {
  const text = qr.trim()
  const match = TOKEN_SHAPE.exec(text)
  if (!match) return fail('TOKEN_INVALID')
  const [, cardId, issued, expires, nonce, signature] = match
  const body = text.slice(0, text.lastIndexOf('.'))
  if (!safeVerify(verify, signature, asciiBytes(body))) return fail('TOKEN_INVALID')
  const claims = { cardId, issuedAt: Number(issued), expiresAt: Number(expires), nonce }
  const lifetime = claims.expiresAt - claims.issuedAt
  const now = nowMs / 1000
  if (lifetime <= 0 || lifetime > CARD_TOKEN_TTL_SECONDS || claims.issuedAt > now + CLOCK_SKEW_SECONDS) {
    return fail('TOKEN_INVALID')
  }
  if (now >= claims.expiresAt) return fail('TOKEN_EXPIRED')
  return ok(claims)
}

function safeVerify(verify: VerifyBytes, signature: string, message: Uint8Array): boolean {
  try {
    return verify(base64urlnopad.decode(signature), message)
  } catch {
    return false
  }
}

/** Token bodies are ASCII by construction; TextEncoder is missing on older WeChat base libraries. */
function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i)
  return bytes
}
