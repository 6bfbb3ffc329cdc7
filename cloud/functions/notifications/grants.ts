import { and, asc, eq, isNull } from 'drizzle-orm'
import { subscriptionGrants } from '../../db/schema'
import type { Db, Tx } from '../../db/store'

/**
 * Subscription grants: one per consent the user gave with a tap, good for one message of that template. A grant goes
 * through three states:
 *   free      outbox_id null, used_at null
 *   held      outbox_id set, used_at null — kept for one message while its push is tried and retried, so a second
 *             message of the same template cannot take it meanwhile
 *   used      used_at set — WeChat consumed it (sent, or 43101: the consent is gone)
 */

/** Stores one grant per accepted template key. */
export async function storeGrants(db: Db, userId: string, templates: readonly string[], now: Date): Promise<number> {
  if (templates.length === 0) return 0
  const stored = await db
    .insert(subscriptionGrants)
    .values(templates.map((template) => ({ userId, template, grantedAt: now })))
    .returning({ id: subscriptionGrants.id })
  return stored.length
}

/**
 * The grant a message may be pushed with: the one it holds already (a retry), else the user's oldest free grant of
 * its template, which it then holds. Null when the user granted nothing (the message stays in 消息中心 only).
 * SKIP LOCKED: two senders handling two messages of one user never take the same grant.
 */
export async function holdGrant(tx: Tx, message: { id: number; userId: string; template: string }): Promise<number | null> {
  const [held] = await tx
    .select({ id: subscriptionGrants.id })
    .from(subscriptionGrants)
    .where(and(eq(subscriptionGrants.outboxId, message.id), isNull(subscriptionGrants.usedAt)))
    .limit(1)
  if (held) return held.id
  const [free] = await tx
    .select({ id: subscriptionGrants.id })
    .from(subscriptionGrants)
    .where(
      and(
        eq(subscriptionGrants.userId, message.userId),
        eq(subscriptionGrants.template, message.template),
        isNull(subscriptionGrants.usedAt),
        isNull(subscriptionGrants.outboxId),
      ),
    )
    .orderBy(asc(subscriptionGrants.id))
    .limit(1)
    .for('update', { skipLocked: true })
  if (!free) return null
  const [taken] = await tx
    .update(subscriptionGrants)
    .set({ outboxId: message.id })
    .where(and(eq(subscriptionGrants.id, free.id), isNull(subscriptionGrants.outboxId)))
    .returning({ id: subscriptionGrants.id })
  return taken?.id ?? null
}

/** WeChat consumed the consent: the message went out, or WeChat says there is none (43101). */
export async function useGrant(tx: Tx, grantId: number, outboxId: number, now: Date): Promise<void> {
  await tx.update(subscriptionGrants).set({ outboxId, usedAt: now }).where(eq(subscriptionGrants.id, grantId))
}

/** The push failed for good without reaching the user: the consent is still theirs, for the next message. */
export async function releaseGrant(tx: Tx, grantId: number): Promise<void> {
  await tx.update(subscriptionGrants).set({ outboxId: null }).where(and(eq(subscriptionGrants.id, grantId), isNull(subscriptionGrants.usedAt)))
}
