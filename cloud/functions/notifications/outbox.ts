import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { outbox, subscriptionGrants } from '../../db/schema'
import type { Tx } from '../../db/store'

export interface OutboxMessage {
  userId: string
  /** Template key, e.g. `booking.confirmed`; the sender maps it to a WeChat subscribe-message template. */
  template: string
  data: Record<string, unknown>
  /** One message per event and recipient: a retried use case stores nothing twice. */
  dedupeKey: string
  notBefore: Date
}

/**
 * Stores notifications in the same transaction as the change they announce. Answers how many were new: a message
 * whose dedupe key is stored already is skipped, which is what makes producers and jobs safe to run twice.
 */
export async function enqueue(tx: Tx, messages: OutboxMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0
  const stored = await tx
    .insert(outbox)
    .values(messages.map((m) => ({ ...m, createdAt: now })))
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id })
  return stored.length
}

/** Messages as the JSON rows `enqueueWhen` reads. */
export const outboxRows = (messages: OutboxMessage[]): string =>
  JSON.stringify(messages.map((m) => ({ user_id: m.userId, template: m.template, data: m.data, dedupe_key: m.dedupeKey, not_before: m.notBefore.toISOString() })))

/**
 * `enqueue` as one clause of a larger statement (a data-modifying CTE): stores the messages (`rows`, from outboxRows)
 * when `when` holds, e.g. `EXISTS (SELECT 1 FROM stored)` for "the booking was stored", in the same round trip and
 * atomically with it. `rows` and `now` are SQL values or placeholders.
 */
export function enqueueWhen(when: SQL, rows: unknown, now: unknown): SQL {
  return sql`INSERT INTO ${outbox} (user_id, template, data, dedupe_key, not_before, created_at)
    SELECT m.user_id, m.template, m.data, m.dedupe_key, m.not_before, ${now}::timestamptz
      FROM jsonb_to_recordset(${rows}::jsonb) AS m(user_id uuid, template text, data jsonb, dedupe_key text, not_before timestamptz)
     WHERE ${when}
    ON CONFLICT (dedupe_key) DO NOTHING`
}

/**
 * Withdraws messages not sent yet (a reminder for a booking that was cancelled). A grant held for one of them while
 * it waited to retry goes back to the user: it was never used.
 */
export async function withdraw(tx: Tx, dedupeKeys: string[]): Promise<void> {
  if (dedupeKeys.length === 0) return
  const withdrawn = await tx
    .update(outbox)
    .set({ status: 'cancelled', nextAttemptAt: null })
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  if (withdrawn.length === 0) return
  await tx
    .update(subscriptionGrants)
    .set({ outboxId: null })
    .where(and(inArray(subscriptionGrants.outboxId, withdrawn.map((w) => w.id)), isNull(subscriptionGrants.usedAt)))
}
