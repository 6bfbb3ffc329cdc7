import { eq } from 'drizzle-orm'
import { cardUsable } from '../../../src/core/card/card.machine'
import { verifyCardToken } from '../../../src/core/card/card.token'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { cardVerifications, cards } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Secrets } from '../../platform/secrets'
import { findCard } from './cards.queries'

type ScannedCard = NonNullable<Awaited<ReturnType<typeof findCard>>>

/**
 * What a staff scan does, at the verification desk and at check-in alike: the signature and expiry (core), the card's
 * status, then the nonce is spent. Only a token that passes everything is spent, so a refused scan can be retried.
 */
export async function scanCard(
  tx: Tx,
  qr: string,
  by: { staffId: string; now: Date; secrets: Secrets },
): Promise<ScannedCard | Failure> {
  const claims = verifyCardToken(qr, by.secrets.verifyCard, by.now.getTime())
  if (isFailure(claims)) return claims
  const found = await findCard(tx, eq(cards.id, claims.data.cardId))
  if (!found) return fail('TOKEN_INVALID')
  const unusable = cardUsable(found.row.status)
  if (unusable) return unusable
  const [spent] = await tx
    .insert(cardVerifications)
    .values({ cardId: found.card.id, nonce: claims.data.nonce, verifiedBy: by.staffId, verifiedAt: by.now })
    .onConflictDoNothing()
    .returning({ id: cardVerifications.id })
  return spent ? found : fail('TOKEN_REPLAYED')
}
