import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { base64urlnopad } from '@scure/base'
import { publicKeyOf } from '../../src/core/card/card.token'

export interface Secrets {
  sessionSecret: string
  cardSecretKey: Uint8Array
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
  const cardSecretKey = base64urlnopad.decode(cardKey)
  return { sessionSecret, cardSecretKey, cardPublicKey: publicKeyOf(cardSecretKey) }
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
