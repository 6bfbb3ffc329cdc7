import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import type { NotificationDataMap } from '../../../src/core/notification/notification.templates'
import { decideAnswer } from '../../../src/core/survey/survey.rules'
import type { SurveyReminder } from '../../../src/core/survey/survey.schema'
import { cards, surveyReminders, surveys } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { SignedInContext } from '../action'
import { enqueue } from '../notifications/outbox'
import { inTransaction } from '../transaction'
import { notAnswered } from './surveys.queries'

/** One reminder per person per survey and Shanghai day: the dedupe key says so, so a second tap that day tells nobody twice. */
const reminderKey = (surveyId: string, userId: string, day: string) => `survey.reminder:${surveyId}:${userId}:${day}`

/**
 * 提醒未填写: a message (消息中心, and a subscribe message where granted) to every contact of each enterprise of the
 * audience that has not answered an open survey. Recorded with how many were told, for the results page; answers
 * this call's count (0 when everyone left was reminded today already).
 */
export async function remindNotAnswered(id: string, ctx: SignedInContext): Promise<SurveyReminder | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update')
    if (!row) return fail('NOT_FOUND', '问卷不存在')
    const today = shanghaiDate(ctx.now)
    const open = decideAnswer(row, today)
    if (isFailure(open)) return open
    const { holders } = await notAnswered(tx, row)
    const people = holders.length
      ? await tx
          .selectDistinct({ userId: cards.userId })
          .from(cards)
          .where(and(inArray(cards.holderId, holders.map((h) => h.holderId)), eq(cards.status, 'active'), isNotNull(cards.userId)))
      : []
    const data: NotificationDataMap['survey.reminder'] = { surveyId: row.id, title: row.title, closesOn: row.closesOn }
    const recipients = await enqueue(
      tx,
      people.map(({ userId }) => ({ userId: userId!, template: 'survey.reminder', data: { ...data }, dedupeKey: reminderKey(row.id, userId!, today), notBefore: ctx.now })),
      ctx.now,
    )
    // Only a reminder that told somebody is one the results page reports.
    if (recipients > 0) await tx.insert(surveyReminders).values({ id: ctx.newId(), surveyId: row.id, sentBy: ctx.caller.id, sentAt: ctx.now, recipients })
    return { sentAt: ctx.now.toISOString(), recipients }
  })
}

export async function lastReminderOf(db: Tx, surveyId: string): Promise<SurveyReminder | null> {
  const [last] = await db
    .select({ sentAt: surveyReminders.sentAt, recipients: surveyReminders.recipients })
    .from(surveyReminders)
    .where(eq(surveyReminders.surveyId, surveyId))
    .orderBy(desc(surveyReminders.sentAt))
    .limit(1)
  return last ? { sentAt: last.sentAt.toISOString(), recipients: last.recipients } : null
}
