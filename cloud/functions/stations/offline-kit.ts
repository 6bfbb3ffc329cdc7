import { base64urlnopad } from '@scure/base'
import { and, asc, eq, inArray, ne } from 'drizzle-orm'
import type { OfflineKit } from '../../../src/core/station/station.schema'
import { bookings, cards, holders } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Secrets } from '../../platform/secrets'
import { findSession } from './stations.queries'

/** The session's offline kit as of `now` (the caller checked that they work the session). */
export async function offlineKit(tx: Tx, sessionId: string, secrets: Secrets, now: Date): Promise<OfflineKit> {
  const [session, bookingRows, blocked] = await Promise.all([
    findSession(tx, sessionId),
    tx
      .select({
        id: bookings.id,
        slotId: bookings.slotId,
        status: bookings.status,
        startsAt: bookings.startsAt,
        endsAt: bookings.endsAt,
        topic: bookings.topic,
        holderId: bookings.holderId,
        holderName: holders.name,
        cardId: bookings.cardId,
      })
      .from(bookings)
      .innerJoin(holders, eq(holders.id, bookings.holderId))
      .where(and(eq(bookings.sessionId, sessionId), ne(bookings.status, 'cancelled')))
      .orderBy(asc(bookings.startsAt), asc(bookings.id)),
    tx.select({ cardId: cards.id, status: cards.status }).from(cards).where(inArray(cards.status, ['suspended', 'revoked'])),
  ])
  return {
    session: session!,
    bookings: bookingRows.map(({ startsAt, endsAt, ...row }) => ({ ...row, start: startsAt.toISOString(), end: endsAt.toISOString() })),
    cardPublicKey: base64urlnopad.encode(secrets.cardPublicKey),
    blockedCards: blocked as OfflineKit['blockedCards'],
    issuedAt: now.toISOString(),
  }
}
