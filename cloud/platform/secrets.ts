import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { base64urlnopad } from '@scure/base'
import type { SignBytes, VerifyBytes } from '../../src/core/card/card.token'

export interface Secrets {
  sessionSecret: string
  /** Signs card QR codes with the Ed25519 key, natively (OpenSSL): about fifty times faster than pure JavaScript. */
  signCard: SignBytes
  verifyCard: VerifyBytes
  cardPublicKey: Uint8Array
}

/**
 * Secrets come from the environment. Only the local host may fall back to generated ones, kept in its data folder
 * (mode 0600) so sessions and printed cards survive a restart. Several instances must share the environment's.
 */
export function loadSecrets(
  env: { SESSION_SECRET?: string; CARD_SIGNING_KEY?: string },
  fallbackDir: string | null,
): Secrets {
  let sessionSecret = env.SESSION_SECRET
  let cardKey = env.CARD_SIGNING_KEY
  if (!sessionSecret || !cardKey) {
    if (!fallbackDir) throw new Error('SESSION_SECRET and CARD_SIGNING_KEY must be set in the environment')
    const stored = readOrCreate(path.join(fallbackDir, 'secrets.json'))
    sessionSecret ??= stored.sessionSecret
    cardKey ??= stored.cardSigningKey
  }
  return { sessionSecret, ...cardKeys(base64urlnopad.decode(cardKey)) }
}

function cardKeys(seed: Uint8Array): Pick<Secrets, 'signCard' | 'verifyCard' | 'cardPublicKey'> {
  if (seed.length !== 32) throw new Error('CARD_SIGNING_KEY must be 32 bytes (base64url)')
  // The raw seed wrapped in its PKCS#8 envelope (RFC 8410), which is what node:crypto reads.
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed])
  const privateKey: KeyObject = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
  const publicKey = createPublicKey(privateKey)
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32)
  return {
    signCard: (message) => new Uint8Array(sign(null, message, privateKey)),
    verifyCard: (signature, message) => verify(null, message, publicKey, signature),
    cardPublicKey: new Uint8Array(raw),
  }
}

function readOrCreate(file: string): { sessionSecret: string; cardSigningKey: string } {
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'))
  const created = {
    sessionSecret: base64urlnopad.encode(randomBytes(32)),
    cardSigningKey: base64urlnopad.encode(randomBytes(32)),
  }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(created, null, 2), { mode: 0o600 })
  return created
}
