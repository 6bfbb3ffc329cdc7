import { randomBytes, randomUUID } from 'node:crypto'
import type { Services } from '../functions/action'
import type { Db } from '../db/store'
import type { Secrets } from '../platform/secrets'
import { createSessionSigner } from '../platform/session'

/** The real clock, ids and randomness: the only place the backend reaches for them. */
export function createServices(db: Db, secrets: Secrets, options: { devLogin: boolean }): Services {
  return {
    db,
    secrets,
    sessions: createSessionSigner(secrets.sessionSecret),
    devLogin: options.devLogin,
    clock: () => new Date(),
    newId: () => randomUUID(),
    randomBytes: (length) => new Uint8Array(randomBytes(length)),
  }
}
