import { and, count, desc, eq, inArray, isNull, lt, lte, ne, type SQL } from 'drizzle-orm'
import type { DeliveryStatus } from '../../../src/core/notification/notification.delivery'
import type { InboxItemView } from '../../../src/core/notification/notification.schema'
import { isNotificationTemplate, NOTIFICATION_CATALOGUE, renderNotification, type NotificationTemplate } from '../../../src/core/notification/notification.templates'
import { outbox } from '../../db/schema'
import type { Db } from '../../db/store'

type OutboxRow = typeof outbox.$inferSelect

/**
 * A user's 消息中心: their messages whatever became of the push, except withdrawn ones and reminders not due yet
 * (the same rule as `isInboxVisible` in the core, as SQL).
 */
export function inboxOf(userId: string, now: Date): SQL {
  return and(eq(outbox.userId, userId), ne(outbox.status, 'cancelled'), lte(outbox.notBefore, now))!
}

export async function inboxPage(db: Db, userId: string, now: Date, page: { cursor?: number; unreadOnly?: boolean; limit: number }) {
  const where = and(inboxOf(userId, now), page.cursor ? lt(outbox.id, page.cursor) : undefined, page.unreadOnly ? isNull(outbox.readAt) : undefined)
  const [rows, [{ unread }]] = await Promise.all([
    db.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(page.limit + 1),
    db.select({ unread: count() }).from(outbox).where(and(inboxOf(userId, now), isNull(outbox.readAt))),
  ])
  const items = rows.slice(0, page.limit).map(toInboxItem)
  return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].id : null, unread }
}

/** Marks the caller's own visible messages read; ids of anyone else's are ignored, so nobody learns they exist. */
export async function markRead(db: Db, userId: string, ids: number[], now: Date): Promise<number> {
  const updated = await db
    .update(outbox)
    .set({ readAt: now })
    .where(and(inboxOf(userId, now), inArray(outbox.id, ids), isNull(outbox.readAt)))
    .returning({ id: outbox.id })
  return updated.length
}

export function toInboxItem(row: OutboxRow): InboxItemView {
  const { title, body } = renderNotification(row.template, row.data)
  // A reminder is stored long before it is due; it reads as arriving when it fell due.
  const shownAt = row.notBefore > row.createdAt ? row.notBefore : row.createdAt
  return {
    id: row.id,
    template: row.template as NotificationTemplate,
    title,
    body,
    createdAt: shownAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    delivery: row.status as DeliveryStatus,
    link: isNotificationTemplate(row.template) ? NOTIFICATION_CATALOGUE[row.template].link(row.data) : null,
  }
}
