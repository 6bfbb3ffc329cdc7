import { eq } from 'drizzle-orm'
import { lowestLevel } from '../../../src/core/rating/rating.levels'
import type { RectificationDeadlineKind } from '../../../src/core/rating/rating.rectification'
import type { NotificationDataMap } from '../../../src/core/notification/notification.templates'
import { departments } from '../../db/schema'
import type { Tx } from '../../db/store'
import { enqueue } from '../notifications/outbox'
import { rectificationRecipients, usersWithRole, type RatingRow, type RectificationRow } from './ratings.queries'

async function departmentName(tx: Tx, departmentId: string | null): Promise<string | null> {
  if (!departmentId) return null
  const [row] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId))
  return row?.name ?? null
}

type OncePerRating = 'rating.bad' | 'rating.appealed' | 'rating.appealDecided'

/** One message of `template` about the rating to each person, once however often it is enqueued. */
async function toEach<T extends OncePerRating>(tx: Tx, people: string[], template: T, rating: RatingRow, data: NotificationDataMap[T], now: Date): Promise<void> {
  await enqueue(
    tx,
    people.map((userId) => ({ userId, template, data: { ...data }, dedupeKey: `${template}:${rating.id}:${userId}`, notBefore: now })),
    now,
  )
}

/**
 * A bad rating (差评) tells the department's handlers, who must return-visit and rectify, and the responsible leader
 * (the problem's leader if one was named, else every leader). One message per rating and person, whatever retries do.
 *
 * Template: the catalogue's 'rating.bad' (audience: the department's handlers and the leaders) for both; the catalogue
 * has no separate 'rectification.opened', and a key it does not know could not be rendered in the message center.
 */
export async function noticeBadRating(tx: Tx, rating: RatingRow, task: Pick<RectificationRow, 'returnVisitBy' | 'rectifyBy'>, now: Date): Promise<void> {
  const people = await rectificationRecipients(tx, rating)
  const data: NotificationDataMap['rating.bad'] = {
    ratingId: rating.id,
    targetType: rating.targetType,
    lowest: lowestLevel(rating),
    departmentName: await departmentName(tx, rating.departmentId),
    returnVisitBy: task.returnVisitBy.toISOString(),
    rectifyBy: task.rectifyBy.toISOString(),
  }
  await toEach(tx, people, 'rating.bad', rating, data, now)
}

/** A rectification deadline passed with its step not done: the same people hear of it, once per deadline. */
export async function noticeRectificationDue(
  tx: Tx,
  rating: RatingRow,
  task: Pick<RectificationRow, 'returnVisitBy' | 'rectifyBy'>,
  kinds: RectificationDeadlineKind[],
  now: Date,
): Promise<void> {
  if (kinds.length === 0) return
  const people = await rectificationRecipients(tx, rating)
  const name = await departmentName(tx, rating.departmentId)
  await enqueue(
    tx,
    kinds.flatMap((deadline) => {
      const data: NotificationDataMap['rectification.due'] = {
        ratingId: rating.id,
        deadline,
        dueBy: (deadline === 'returnVisit' ? task.returnVisitBy : task.rectifyBy).toISOString(),
        departmentName: name,
      }
      return people.map((userId) => ({
        userId,
        template: 'rectification.due',
        data: { ...data },
        dedupeKey: `rectification.due:${rating.id}:${deadline}:${userId}`,
        notBefore: now,
      }))
    }),
    now,
  )
}

/** A department appealed a rating: every administrator hears of it (the one who decides opens 评价申诉裁决), once. */
export async function noticeAppeal(tx: Tx, rating: RatingRow, reason: string, now: Date): Promise<void> {
  const admins = await usersWithRole(tx, 'admin')
  const data: NotificationDataMap['rating.appealed'] = {
    ratingId: rating.id,
    reason,
    appealedAt: now.toISOString(),
    departmentName: await departmentName(tx, rating.departmentId),
  }
  await toEach(tx, admins, 'rating.appealed', rating, data, now)
}

/** The administrator decided: the department's handlers, who appealed and work the rectification, hear the outcome. */
export async function noticeAppealDecision(
  tx: Tx,
  rating: RatingRow,
  decision: { outcome: 'upheld' | 'removed'; reason: string; taskWithdrawn: boolean },
  now: Date,
): Promise<void> {
  const handlers = await usersWithRole(tx, 'handler', rating.departmentId)
  const data: NotificationDataMap['rating.appealDecided'] = { ratingId: rating.id, ...decision, departmentName: await departmentName(tx, rating.departmentId) }
  await toEach(tx, handlers, 'rating.appealDecided', rating, data, now)
}
