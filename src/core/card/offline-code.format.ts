import { base32nopad, base64urlnopad } from '@scure/base'
import { fail, ok, type Result } from '../errors'
import type { SignBytes } from './card.token'
import { HOLDER_TYPES, type HolderType } from './qualification'

/**
 * The card's offline code (issue 14): `LDZO1.<credential>.<proof>`, both parts base32 (A–Z, 2–7), so the whole code is
 * in the QR alphanumeric set and packs about 20% denser than base64 in byte mode.
 *
 * - credential (from `cards.bindDevice`, kept on the phone): card id (16 bytes), card type (1), valid until (u32 Unix
 *   seconds), device public key (32), display name (1 length byte + UTF-16 code units, smaller than UTF-8 for Chinese and
 *   free of TextEncoder, which old WeChat base libraries lack), then the district card key's Ed25519 signature (64).
 * - proof (made on the phone every 30 s): 30-second window number (u32), nonce (8), the device key's signature (64) over
 *   card id, window and nonce.
 */
export const OFFLINE_CODE_PREFIX = 'LDZO1.'
export const OFFLINE_WINDOW_SECONDS = 30
/** Tolerated difference between the holder's phone clock and the verifier's. */
export const OFFLINE_DRIFT_SECONDS = 90
export const OFFLINE_CREDENTIAL_DAYS = 7
export const OFFLINE_NONCE_BYTES = 8
/** The display name is cut to this many UTF-16 units to keep the code in a small QR version. */
const NAME_UNITS = 24

const CREDENTIAL_CONTEXT = ascii('LDZO1-C')
const PROOF_CONTEXT = ascii('LDZO1-P')
const SIGNATURE = 64

/**
 * Ed25519 by a given key, supplied by the platform: @noble/ed25519 on a phone (offline-code.ts), native crypto on the
 * server, which so carries no pure-JavaScript curve code.
 */
export type VerifyWithKey = (publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array) => boolean
export type SignWithKey = (message: Uint8Array, secretKey: Uint8Array) => Uint8Array

export interface OfflineCredentialClaims {
  cardId: string
  cardType: HolderType
  holderName: string
  /** base64url of the raw 32-byte device public key. */
  devicePublicKey: string
  validUntil: Date
}

/** What a verifier learns from a good code; `nonce` is what a device remembers so the same proof never passes twice. */
export interface OfflineCardView {
  cardId: string
  cardType: HolderType
  holderName: string
  devicePublicKey: string
  validUntil: string
  window: number
  nonce: string
}

/** What verification needs from the offline kit, plus the device's own memory of nonces it has accepted. */
export interface OfflineVerifyKit {
  /** The district's card public key, base64url. */
  cardPublicKey: string
  /** Cards not usable as of the kit. */
  blockedCards: readonly { cardId: string; status: 'suspended' | 'revoked' }[]
  seenNonces?: { has(nonce: string): boolean }
}

export function isOfflineCode(text: string): boolean {
  return text.trimStart().startsWith(OFFLINE_CODE_PREFIX)
}

/** Signed by the backend with the district's card key when a device is bound. */
export function signOfflineCredential(claims: OfflineCredentialClaims, sign: SignBytes): string {
  const name = displayName(claims.holderName)
  const signed = new Uint8Array(54 + name.length * 2)
  signed.set(uuidBytes(claims.cardId), 0)
  signed[16] = HOLDER_TYPES.indexOf(claims.cardType)
  writeU32(signed, 17, Math.floor(claims.validUntil.getTime() / 1000))
  signed.set(rawKey(claims.devicePublicKey), 21)
  signed[53] = name.length
  for (let i = 0; i < name.length; i++) {
    signed[54 + 2 * i] = name.charCodeAt(i) >> 8
    signed[55 + 2 * i] = name.charCodeAt(i) & 0xff
  }
  return base32nopad.encode(concat(signed, sign(concat(CREDENTIAL_CONTEXT, signed))))
}

/** The phone's code for this moment: the credential and a fresh proof by the device key. */
export function makeOfflineCodeWith(input: { credential: string; deviceSecretKey: string; now: Date; nonce: Uint8Array }, sign: SignWithKey): string {
  if (input.nonce.length !== OFFLINE_NONCE_BYTES) throw new Error(`offline code nonce must be ${OFFLINE_NONCE_BYTES} random bytes`)
  const credential = parseCredential(input.credential)
  if (!credential) throw new Error('not an offline credential')
  const window = Math.floor(input.now.getTime() / 1000 / OFFLINE_WINDOW_SECONDS)
  const proof = proofMessage(credential.cardIdBytes, window, input.nonce)
  const signature = sign(concat(PROOF_CONTEXT, proof), base64urlnopad.decode(input.deviceSecretKey))
  return `${OFFLINE_CODE_PREFIX}${input.credential}.${base32nopad.encode(concat(proof.subarray(16), signature))}`
}

/**
 * Checks an offline code as a station device can without a network: the district's signature on the credential, the
 * device's on the proof, the 30-second window within the drift, the credential's validity, the kit's blocked cards and
 * the device's seen nonces. The backend passes its own list and store checks on top.
 */
export function verifyOfflineCodeWith(code: string, kit: OfflineVerifyKit, now: Date, verify: VerifyWithKey): Result<OfflineCardView> {
  const text = code.trim()
  if (!text.startsWith(OFFLINE_CODE_PREFIX)) return fail('TOKEN_INVALID')
  const [credentialText, proofText, extra] = text.slice(OFFLINE_CODE_PREFIX.length).split('.')
  const credential = parseCredential(credentialText)
  const proof = decode(proofText ?? '')
  if (!credential || extra !== undefined || !proof || proof.length !== 4 + OFFLINE_NONCE_BYTES + SIGNATURE) return fail('TOKEN_INVALID')
  if (!safeVerify(verify, base64urlnopad.decode(kit.cardPublicKey), credential.signature, concat(CREDENTIAL_CONTEXT, credential.signed))) {
    return fail('TOKEN_INVALID')
  }
  const window = readU32(proof, 0)
  const nonceBytes = proof.subarray(4, 4 + OFFLINE_NONCE_BYTES)
  const message = proofMessage(credential.cardIdBytes, window, nonceBytes)
  if (!safeVerify(verify, credential.devicePublicKey, proof.subarray(4 + OFFLINE_NONCE_BYTES), concat(PROOF_CONTEXT, message))) {
    return fail('TOKEN_INVALID')
  }
  const seconds = now.getTime() / 1000
  const windowStart = window * OFFLINE_WINDOW_SECONDS
  if (windowStart > seconds + OFFLINE_DRIFT_SECONDS) return fail('TOKEN_INVALID', '二维码的时间晚于本机时间，请核对持卡人手机的时间后重新出示')
  if (windowStart + OFFLINE_WINDOW_SECONDS + OFFLINE_DRIFT_SECONDS <= seconds) return fail('TOKEN_EXPIRED')
  if (credential.validUntil <= seconds) return fail('OFFLINE_CREDENTIAL_EXPIRED')
  const blocked = kit.blockedCards.find((card) => card.cardId === credential.cardId)
  if (blocked) return fail(blocked.status === 'revoked' ? 'CARD_REVOKED' : 'CARD_SUSPENDED')
  const nonce = base64urlnopad.encode(nonceBytes)
  if (kit.seenNonces?.has(nonce)) return fail('TOKEN_REPLAYED')
  return ok({
    cardId: credential.cardId,
    cardType: credential.cardType,
    holderName: credential.holderName,
    devicePublicKey: base64urlnopad.encode(credential.devicePublicKey),
    validUntil: new Date(credential.validUntil * 1000).toISOString(),
    window,
    nonce,
  })
}

function parseCredential(text: string | undefined) {
  const bytes = decode(text ?? '')
  if (!bytes || bytes.length < 54 + SIGNATURE) return null
  const units = bytes[53]
  const end = 54 + 2 * units
  const type = HOLDER_TYPES[bytes[16]]
  if (bytes.length !== end + SIGNATURE || !type) return null
  let holderName = ''
  for (let i = 54; i < end; i += 2) holderName += String.fromCharCode((bytes[i] << 8) | bytes[i + 1])
  return {
    signed: bytes.subarray(0, end),
    signature: bytes.subarray(end),
    cardIdBytes: bytes.subarray(0, 16),
    cardId: uuidText(bytes.subarray(0, 16)),
    cardType: type,
    validUntil: readU32(bytes, 17),
    devicePublicKey: bytes.subarray(21, 53),
    holderName,
  }
}

function proofMessage(cardId: Uint8Array, window: number, nonce: Uint8Array): Uint8Array {
  const message = new Uint8Array(16 + 4 + nonce.length)
  message.set(cardId, 0)
  writeU32(message, 16, window)
  message.set(nonce, 20)
  return message
}

/** The name as signed and shown: at most NAME_UNITS units, never half a surrogate pair. */
function displayName(name: string): string {
  if (name.length <= NAME_UNITS) return name
  let cut = name.slice(0, NAME_UNITS - 1)
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}

function decode(text: string): Uint8Array | null {
  try {
    return base32nopad.decode(text)
  } catch {
    return null
  }
}

function safeVerify(verify: VerifyWithKey, publicKey: Uint8Array, signature: Uint8Array, message: Uint8Array): boolean {
  try {
    return verify(publicKey, signature, message)
  } catch {
    return false
  }
}

function rawKey(base64url: string): Uint8Array {
  const key = base64urlnopad.decode(base64url)
  if (key.length !== 32) throw new Error('an Ed25519 public key is 32 bytes')
  return key
}

function uuidBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, '')
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error('card id must be a UUID')
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16))
}

function uuidText(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function writeU32(bytes: Uint8Array, at: number, value: number) {
  bytes[at] = value >>> 24
  bytes[at + 1] = (value >>> 16) & 0xff
  bytes[at + 2] = (value >>> 8) & 0xff
  bytes[at + 3] = value & 0xff
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3]
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0))
}
