import { sql } from 'drizzle-orm'
import { cardUsable } from '../../../src/core/card/card.machine'
import { verifyCardToken } from '../../../src/core/card/card.token'
import { isOfflineCode } from '../../../src/core/card/offline-code.format'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { fromJsonRow, preparedSql } from '../../db/prepared'
import { cardVerifications, cards, holders } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { Secrets } from '../../platform/secrets'
import { cardWithHolder } from './cards.queries'
import { scanOfflineCode, type ScannedCard } from './offline-scan'

/**
 * Finds the card and spends the nonce if the card is active, in one statement: the insert's unique (card, nonce)
 * index refuses a replay, the status guard a card that may not be used (the same rule as cardUsable).
 */
const scan = preparedSql<{ card: Record<string, unknown>; holder: Record<string, unknown>; spent: boolean }, Record<'cardId' | 'nonce' | 'staffId' | 'now', unknown>>(
  'card_scan',
  sql`
    WITH found AS (
      SELECT c AS card, h AS holder FROM ${cards} c JOIN ${holders} h ON h.id = c.holder_id WHERE c.id = ${sql.placeholder('cardId')}::uuid
    ), spent AS (
      INSERT INTO ${cardVerifications} (card_id, nonce, verified_by, verified_at)
      SELECT (card).id, ${sql.placeholder('nonce')}::text, ${sql.placeholder('staffId')}::uuid, ${sql.placeholder('now')}::timestamptz
        FROM found WHERE (card).status = 'active'
      ON CONFLICT DO NOTHING
      RETURNING id
    )
    SELECT row_to_json(card) AS card, row_to_json(holder) AS holder, EXISTS (SELECT 1 FROM spent) AS spent FROM found`,
)

/**
 * What a staff scan does, at the verification desk and at check-in alike: the signature and expiry (core), the card's
 * status, then the nonce is spent. Only a token that passes everything is spent, so a refused scan can be retried.
 * A holder's offline code (issue 14) is told apart by its prefix and takes its own path; card tokens keep this one.
 */
export async function scanCard(
  tx: Tx,
  qr: string,
  by: { staffId: string; now: Date; secrets: Secrets },
): Promise<ScannedCard | Failure> {
  if (isOfflineCode(qr)) return scanOfflineCode(tx, qr, by)
  const claims = verifyCardToken(qr, by.secrets.verifyCard, by.now.getTime())
  if (isFailure(claims)) return claims
  const [row] = await scan(tx, { cardId: claims.data.cardId, nonce: claims.data.nonce, staffId: by.staffId, now: by.now.toISOString() })
  if (!row) return fail('TOKEN_INVALID')
  const found = cardWithHolder({ cards: fromJsonRow(cards, row.card), holders: fromJsonRow(holders, row.holder) })
  const unusable = cardUsable(found.row.status)
  if (unusable) return unusable
  return row.spent ? found : fail('TOKEN_REPLAYED')
}
