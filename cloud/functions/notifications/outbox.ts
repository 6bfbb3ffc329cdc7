import { and, eq, inArray } from 'drizzle-orm'
import { outbox } from '../../db/schema'
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

/** Stores notifications in the same transaction as the change they announce. */
export async function enqueue(tx: Tx, messages: OutboxMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return
  await tx
    .insert(outbox)
    .values(messages.map((m) => ({ ...m, createdAt: now })))
    .onConflictDoNothing({ target: outbox.dedupeKey })
}

/** Withdraws messages not sent yet (a reminder for a booking that was cancelled). */
export async function withdraw(tx: Tx, dedupeKeys: string[]): Promise<void> {
  if (dedupeKeys.length === 0) return
  await tx
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(inArray(outbox.dedupeKey, dedupeKeys), eq(outbox.status, 'pending')))
}
