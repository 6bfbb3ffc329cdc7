import { base64urlnopad } from '@scure/base'
import { and, desc, eq, lte, sql } from 'drizzle-orm'
import { cardUsable, type CardStatus } from '../../../src/core/card/card.machine'
import { verifyCardToken } from '../../../src/core/card/card.token'
import { isOfflineCode, OFFLINE_DRIFT_SECONDS, verifyOfflineCodeWith } from '../../../src/core/card/offline-code.format'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import type { SyncFlag } from '../../../src/core/sync/sync.schema'
import { cardDevices, cardEvents, cardVerifications, cards } from '../../db/schema'
import type { Tx } from '../../db/store'
import { verifyWithKey } from '../../platform/ed25519'
import type { Secrets } from '../../platform/secrets'
import { findCard } from './cards.queries'

export type ScannedCard = NonNullable<Awaited<ReturnType<typeof findCard>>>

type By = { staffId: string; now: Date; secrets: Secrets }

/** The offline code's signatures, window and credential validity: the core's checks with the district's key. */
function checkOfflineCode(qr: string, secrets: Secrets, at: Date) {
  return verifyOfflineCodeWith(qr, { cardPublicKey: base64urlnopad.encode(secrets.cardPublicKey), blockedCards: [] }, at, verifyWithKey)
}

/** The device row of a credential's key, newest first (a key bound twice counts from its latest binding). */
async function deviceOf(tx: Tx, cardId: string, publicKey: string) {
  const [device] = await tx
    .select()
    .from(cardDevices)
    .where(and(eq(cardDevices.cardId, cardId), eq(cardDevices.publicKey, publicKey)))
    .orderBy(desc(cardDevices.id))
    .limit(1)
  return device
}

/** Spends a proof's nonce; false when it was spent before (a replay). */
async function spend(tx: Tx, cardId: string, nonce: string, by: { staffId: string; at: Date }): Promise<boolean> {
  const spent = await tx
    .insert(cardVerifications)
    .values({ cardId, nonce, verifiedBy: by.staffId, verifiedAt: by.at })
    .onConflictDoNothing()
    .returning({ id: cardVerifications.id })
  return spent.length > 0
}

/**
 * An offline code shown to an online verifier (cards.verify, check-in): the same rules and codes as a card token,
 * plus the credential's device still being the card's current one.
 */
export async function scanOfflineCode(tx: Tx, qr: string, by: By): Promise<ScannedCard | Failure> {
  const code = checkOfflineCode(qr, by.secrets, by.now)
  if (isFailure(code)) return code
  const found = await findCard(tx, eq(cards.id, code.data.cardId))
  if (!found) return fail('TOKEN_INVALID')
  const unusable = cardUsable(found.row.status)
  if (unusable) return unusable
  const device = await deviceOf(tx, found.card.id, code.data.devicePublicKey)
  if (!device) return fail('TOKEN_INVALID')
  if (device.endedAt) return fail('OFFLINE_CREDENTIAL_REPLACED')
  return (await spend(tx, found.card.id, code.data.nonce, { staffId: by.staffId, at: by.now })) ? found : fail('TOKEN_REPLAYED')
}

/** The card's status at an instant, from its append-only history. */
async function statusAt(tx: Tx, cardId: string, at: Date): Promise<CardStatus | null> {
  const [event] = await tx
    .select({ toStatus: cardEvents.toStatus })
    .from(cardEvents)
    .where(and(eq(cardEvents.cardId, cardId), lte(cardEvents.at, at)))
    .orderBy(desc(cardEvents.at), desc(cardEvents.id))
    .limit(1)
  return (event?.toStatus as CardStatus | undefined) ?? null
}

/**
 * A code scanned offline at `at`, replayed by sync: checked as of that instant (the card's status as of the clock drift
 * after it). What the station could not know offline does not undo what happened there: a card suspended or revoked
 * (or a credential replaced) before `at`, and a proof already spent elsewhere, come back as flags on a scan that is
 * otherwise good. A forged, altered or then-expired code is still refused.
 */
export async function scanAsOf(tx: Tx, qr: string, by: { staffId: string; at: Date; secrets: Secrets }): Promise<(ScannedCard & { flag?: SyncFlag }) | Failure> {
  const offline = isOfflineCode(qr)
  const claims = offline ? checkOfflineCode(qr, by.secrets, by.at) : verifyCardToken(qr, by.secrets.verifyCard, by.at.getTime())
  if (isFailure(claims)) return claims
  const found = await findCard(tx, eq(cards.id, claims.data.cardId))
  if (!found) return fail('TOKEN_INVALID')
  // The station's clock may be off by the drift the code tolerates: a change within it may have come first.
  const latest = new Date(by.at.getTime() + OFFLINE_DRIFT_SECONDS * 1000)
  const status = await statusAt(tx, found.card.id, latest)
  if (status === null || status === 'pending') return fail('CARD_NOT_ACTIVE')
  let revoked = status !== 'active'
  if (offline && 'devicePublicKey' in claims.data) {
    const device = await deviceOf(tx, found.card.id, claims.data.devicePublicKey)
    if (!device) return fail('TOKEN_INVALID')
    if (device.endedAt && device.endedAt <= latest) revoked = true
  }
  const fresh = await spend(tx, found.card.id, claims.data.nonce, { staffId: by.staffId, at: by.at })
  const flag: SyncFlag | undefined = revoked ? 'OFFLINE_REVOKED' : fresh ? undefined : 'OFFLINE_REPLAYED'
  return { ...found, flag }
}

/**
 * Binds this device to the card: the same phone again only gets a later expiry; a new phone ends the live one, whose
 * credential then stops verifying online. The caller holds the card's row lock.
 */
export async function bindDevice(tx: Tx, device: { cardId: string; publicKey: string; userId: string; at: Date; validUntil: Date }) {
  const live = and(eq(cardDevices.cardId, device.cardId), sql`${cardDevices.endedAt} IS NULL`)
  const renewed = await tx
    .update(cardDevices)
    .set({ validUntil: device.validUntil })
    .where(and(live, eq(cardDevices.publicKey, device.publicKey)))
    .returning({ id: cardDevices.id })
  if (renewed.length > 0) return
  await tx.update(cardDevices).set({ endedAt: device.at }).where(live)
  await tx.insert(cardDevices).values({ cardId: device.cardId, publicKey: device.publicKey, boundBy: device.userId, boundAt: device.at, validUntil: device.validUntil })
}
