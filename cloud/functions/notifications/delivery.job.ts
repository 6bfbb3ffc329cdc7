import { and, asc, eq, inArray, isNull, lte, or } from 'drizzle-orm'
import { settleAttempt } from '../../../src/core/notification/notification.delivery'
import { isNotificationTemplate, wechatMessage, type WechatMessage } from '../../../src/core/notification/notification.templates'
import { outbox, users } from '../../db/schema'
import type { Db } from '../../db/store'
import type { Services } from '../action'
import { holdGrant, releaseGrant, useGrant } from './grants'

type OutboxRow = typeof outbox.$inferSelect
export type DeliveryDeps = Pick<Services, 'db' | 'notify'>

/** Rows claimed per transaction, and at most per run (the next run, five minutes on, takes the rest). */
const BATCH = 20
const MAX_PER_RUN = 500
/** No new batch is claimed after this much real time, so a run ends well within a cloud function's 60 s. */
const RUN_BUDGET_MS = 30_000
/**
 * A claimed row is hidden from other senders this long (its next_attempt_at moves ahead): far longer than a batch of
 * pushes takes (10 s timeout each), and if this process dies mid-batch the rows come back on their own afterwards.
 */
const LEASE_MS = 10 * 60_000
const MAX_ERROR_LENGTH = 500

/**
 * The 'deliver' job: every due pending message is pushed if the user granted one of its template, else it stays in
 * 消息中心 only. Answers how many messages it settled; a second run right after settles none, so nothing is sent twice.
 */
export async function deliverDue(deps: DeliveryDeps, now: Date): Promise<number> {
  let settled = 0
  const startedAt = performance.now()
  for (let claimed = 0; claimed < MAX_PER_RUN && performance.now() - startedAt < RUN_BUDGET_MS; ) {
    const batch = await claimDue(deps.db, now)
    if (batch.length === 0) break
    claimed += batch.length
    const openids = await openidsOf(deps.db, batch)
    for (const row of batch) {
      try {
        settled += await deliverOne(deps, row, openids.get(row.userId)!, now)
      } catch (error) {
        // A bug or a lost database connection: the row keeps its lease and is tried again when it ends.
        deps.notify.log.error({ err: error, outboxId: row.id }, 'message delivery failed')
      }
    }
  }
  return settled
}

/**
 * Claims due rows: pending, past not_before, and not waiting out a backoff or another sender's lease. FOR UPDATE SKIP
 * LOCKED lets concurrent senders (several cloud instances, a manual jobs.run) take disjoint batches.
 */
async function claimDue(db: Db, now: Date): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.notBefore, now), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, now))))
      .orderBy(asc(outbox.id))
      .limit(BATCH)
      .for('update', { skipLocked: true })
    if (due.length === 0) return []
    const claimed = await tx
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(outbox.id, due.map((d) => d.id)))
      .returning()
    // RETURNING comes in no particular order; oldest first, so an earlier message gets the user's grant first.
    return claimed.sort((a, b) => a.id - b.id)
  })
}

async function openidsOf(db: Db, rows: OutboxRow[]): Promise<Map<string, string>> {
  const found = await db
    .select({ id: users.id, openid: users.openid })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.userId))]))
  return new Map(found.map((u) => [u.id, u.openid]))
}

async function deliverOne(deps: DeliveryDeps, row: OutboxRow, openid: string, now: Date): Promise<number> {
  const { db, notify } = deps
  let message: WechatMessage | null
  try {
    message = isNotificationTemplate(row.template) ? wechatMessage(row.template, row.data, notify.templates[row.template], row.createdAt) : null
  } catch (error) {
    // A field map of an unsupported kind: configuration is checked at start, so this is a bug; no push can succeed.
    return finish(db, row, { status: 'failed', lastError: `message not built: ${error instanceof Error ? error.message : String(error)}` })
  }
  if (!message) return finish(db, row, { status: 'inbox_only', lastError: 'no WeChat template configured for this key' })
  const grantId = await db.transaction((tx) => holdGrant(tx, row))
  if (grantId === null) return finish(db, row, { status: 'inbox_only', lastError: 'no unused subscription grant' })

  const answer = await notify.sender.send({ openid, templateId: message.templateId, page: message.page, data: message.data })
  const result = settleAttempt(answer.errcode, row.attempts, now)
  const lastError = result.status === 'sent' ? null : `${answer.errcode ?? 'no answer'}: ${answer.errmsg}`.slice(0, MAX_ERROR_LENGTH)
  await db.transaction(async (tx) => {
    const values = { status: result.status, attempts: result.attempts, nextAttemptAt: result.nextAttemptAt, sentAt: result.sentAt, lastError }
    // A retry must not revive a message withdrawn meanwhile; a final answer is WeChat's truth and is recorded as is.
    await tx
      .update(outbox)
      .set(values)
      .where(result.status === 'pending' ? and(eq(outbox.id, row.id), eq(outbox.status, 'pending')) : eq(outbox.id, row.id))
    if (result.status === 'sent' || result.status === 'refused') await useGrant(tx, grantId, row.id, now)
    else if (result.status === 'failed') await releaseGrant(tx, grantId)
  })
  return 1
}

/** A final state reached without pushing: nothing was sent, so no grant was touched. */
async function finish(db: Db, row: OutboxRow, values: { status: 'inbox_only' | 'failed'; lastError: string }): Promise<number> {
  const done = await db
    .update(outbox)
    .set({ ...values, nextAttemptAt: null })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  return done.length
}
