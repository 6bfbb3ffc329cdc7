import { and, eq, max } from 'drizzle-orm'
import { contactCadence } from '../../../src/core/commissioner/commissioner.schema'
import { contactReminderWindow } from '../../../src/core/commissioner/contact-reminder'
import type { NotificationDataMap } from '../../../src/core/notification/notification.templates'
import { commissionerAssignments, contacts, holders } from '../../db/schema'
import type { Db } from '../../db/store'
import { enqueue, type OutboxMessage } from '../notifications/outbox'

/**
 * 经常性联系: tells a commissioner about every assigned enterprise or project with no contact logged for 7 days
 * ('commissioner.contactOverdue'). The dedupe key names the assignment and the overdue week, so a run repeated within
 * the week stores nothing new, a contact still missing a week later reminds again, and a logged contact resets it.
 * Answers how many reminders it stored.
 */
export async function remindContactCadence(db: Db, now: Date): Promise<number> {
  const assigned = await db
    .select({
      commissionerId: commissionerAssignments.commissionerId,
      holderId: commissionerAssignments.holderId,
      assignedAt: commissionerAssignments.assignedAt,
      holderName: holders.name,
      lastContactAt: max(contacts.at),
    })
    .from(commissionerAssignments)
    .innerJoin(holders, eq(holders.id, commissionerAssignments.holderId))
    .leftJoin(contacts, and(eq(contacts.commissionerId, commissionerAssignments.commissionerId), eq(contacts.holderId, commissionerAssignments.holderId)))
    .groupBy(commissionerAssignments.commissionerId, commissionerAssignments.holderId, commissionerAssignments.assignedAt, holders.name)

  const reminders: OutboxMessage[] = []
  for (const a of assigned) {
    const cadence = contactCadence({ lastContactAt: a.lastContactAt, assignedAt: a.assignedAt }, now)
    const window = contactReminderWindow(cadence, now)
    if (window === null) continue
    const data: NotificationDataMap['commissioner.contactOverdue'] = {
      holderId: a.holderId,
      holderName: a.holderName,
      lastContactAt: a.lastContactAt?.toISOString() ?? null,
      daysSinceContact: cadence.daysSinceContact,
    }
    reminders.push({
      userId: a.commissionerId,
      template: 'commissioner.contactOverdue',
      data: { ...data },
      dedupeKey: `commissioner.contactOverdue:${a.commissionerId}:${a.holderId}:${window}`,
      notBefore: now,
    })
  }
  return enqueue(db, reminders, now)
}
