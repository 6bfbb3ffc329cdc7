import { and, eq, gte, isNotNull, isNull, lte, sql } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import type { NotificationDataMap } from '../../../src/core/notification/notification.templates'
import { deadlineReminderDue } from '../../../src/core/policy/policy.deadline'
import type { PolicyCardType, PolicyIndustry, PolicyTopic } from '../../../src/core/policy/policy.labels'
import { policyMatches } from '../../../src/core/policy/policy.match'
import { cards, holders, policies, policyAudience, policyOpens, policyProfiles, users } from '../../db/schema'
import type { Db, Tx } from '../../db/store'
import { enqueue, type OutboxMessage } from '../notifications/outbox'
import type { PolicyRow } from './policies.queries'

/** Rows per insert: far below PostgreSQL's 65,535 parameters a statement. */
const CHUNK = 1000

export const publishedKey = (policyId: string, userId: string) => `policy.published:${policyId}:${userId}`
export const deadlineKey = (policyId: string, userId: string) => `policy.deadline:${policyId}:${userId}`

/**
 * On publication: the holders with an active card whose profile matches become the policy's audience, and each is told
 * once (消息中心, and a subscribe message where they allowed one). The audience is kept as it was then (reach's
 * `matched`); the dedupe key makes a holder hear of a policy once, whatever runs twice. Answers how many were told.
 */
export async function noticePublished(tx: Tx, policy: PolicyRow, now: Date): Promise<number> {
  const candidates = await tx
    .select({ holderId: holders.id, userId: cards.userId, cardType: holders.type, industries: policyProfiles.industries, topics: policyProfiles.topics })
    .from(cards)
    .innerJoin(holders, eq(holders.id, cards.holderId))
    .innerJoin(users, eq(users.id, cards.userId))
    .leftJoin(policyProfiles, eq(policyProfiles.holderId, holders.id))
    .where(and(eq(cards.status, 'active'), isNotNull(cards.userId), isNull(users.deactivatedAt)))
  const targets = { industries: policy.industries as PolicyIndustry[], topics: policy.topics as PolicyTopic[], cardTypes: policy.cardTypes as PolicyCardType[] }
  const audience = candidates.filter((c) =>
    policyMatches(targets, { cardType: c.cardType, industries: (c.industries ?? []) as PolicyIndustry[], topics: (c.topics ?? []) as PolicyTopic[] }),
  )
  const data: NotificationDataMap['policy.published'] = { policyId: policy.id, title: policy.title, kind: policy.kind, issuer: policy.issuer, applyBy: policy.applyBy }
  let told = 0
  for (let i = 0; i < audience.length; i += CHUNK) {
    const chunk = audience.slice(i, i + CHUNK)
    await tx
      .insert(policyAudience)
      .values(chunk.map((a) => ({ policyId: policy.id, holderId: a.holderId, userId: a.userId!, matchedAt: now })))
      .onConflictDoNothing()
    const messages: OutboxMessage[] = chunk.map((a) => ({ userId: a.userId!, template: 'policy.published', data: { ...data }, dedupeKey: publishedKey(policy.id, a.userId!), notBefore: now }))
    told += await enqueue(tx, messages, now)
  }
  return told
}

/**
 * The `policyDeadlines` job: a published policy's application deadline (申报截止) reminds the holders of its audience
 * who opened it, from 3 working days before until the deadline day ends. Once per holder and policy (the dedupe key);
 * a second run stores nothing. Answers how many reminders it stored.
 */
export async function remindPolicyDeadlines(db: Db, now: Date, calendar: WorkingDayOptions): Promise<number> {
  const today = shanghaiDate(now)
  // Reminder days are at most a few weeks before the deadline (3 working days over the longest holiday).
  const due = await db
    .select({ id: policies.id, title: policies.title, applyBy: policies.applyBy })
    .from(policies)
    .where(and(eq(policies.status, 'published'), gte(policies.applyBy, today), lte(policies.applyBy, sql`(${today}::date + 31)`)))
  const messages: OutboxMessage[] = []
  for (const policy of due) {
    if (!policy.applyBy || !deadlineReminderDue(policy.applyBy, now, calendar)) continue
    const readers = await db
      .selectDistinct({ userId: policyOpens.userId })
      .from(policyOpens)
      .innerJoin(policyAudience, and(eq(policyAudience.policyId, policyOpens.policyId), eq(policyAudience.holderId, policyOpens.holderId)))
      .where(eq(policyOpens.policyId, policy.id))
    const data: NotificationDataMap['policy.deadline'] = { policyId: policy.id, title: policy.title, applyBy: policy.applyBy }
    for (const { userId } of readers) {
      messages.push({ userId, template: 'policy.deadline', data: { ...data }, dedupeKey: deadlineKey(policy.id, userId), notBefore: now })
    }
  }
  let stored = 0
  for (let i = 0; i < messages.length; i += CHUNK) stored += await enqueue(db, messages.slice(i, i + CHUNK), now)
  return stored
}
