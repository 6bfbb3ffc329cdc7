import { and, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { missedRectificationDeadlines, RECTIFICATION_DEADLINE_LABELS } from '../../../src/core/rating/rating.rectification'
import { ratingEvents, ratings, rectifications } from '../../db/schema'
import type { Db } from '../../db/store'
import { noticeRectificationDue } from './rating-notices'

const BATCH = 500

const notNotified = (kind: string) => sql`NOT (${kind} = ANY(${rectifications.dueNotified}))`

/**
 * 差评整改 reminders: for every unfinished task whose return-visit or rectification deadline has passed with the step
 * still not done, tells the department's handlers and the responsible leader ('rectification.due'), records the
 * deadline in `due_notified` and appends a system event to the rating's history. Each missed deadline is announced
 * once, so the job may run as often as it likes; returns the number of tasks it announced something for.
 */
export async function remindRectifications(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ ratingId: rectifications.ratingId })
    .from(rectifications)
    .where(
      and(
        inArray(rectifications.status, ['open', 'visited']),
        or(
          and(eq(rectifications.status, 'open'), lt(rectifications.returnVisitBy, now), notNotified('returnVisit')),
          and(lt(rectifications.rectifyBy, now), notNotified('rectify')),
        ),
      ),
    )
    .limit(BATCH)
  let changed = 0
  for (const { ratingId } of due) {
    changed += await db.transaction(async (tx) => {
      const [task] = await tx.select().from(rectifications).where(eq(rectifications.ratingId, ratingId)).for('update')
      const kinds = missedRectificationDeadlines(task, now).filter((kind) => !task.dueNotified.includes(kind))
      if (kinds.length === 0) return 0
      const [rating] = await tx.select().from(ratings).where(eq(ratings.id, ratingId))
      await noticeRectificationDue(tx, rating, task, kinds, now)
      await tx
        .update(rectifications)
        .set({ dueNotified: [...task.dueNotified, ...kinds], updatedAt: now })
        .where(eq(rectifications.ratingId, ratingId))
      await tx.insert(ratingEvents).values({
        ratingId,
        actorId: null,
        actorRole: 'system',
        action: 'markOverdue',
        note: kinds.map((kind) => `超过${RECTIFICATION_DEADLINE_LABELS[kind]}`).join('、'),
        at: now,
      })
      return 1
    })
  }
  return changed
}
