import { and, eq, inArray, lt, or, sql } from 'drizzle-orm'
import { decideProblem, overdueToMark } from '../../../src/core/problem/problem.machine'
import type { WorkingDayOptions } from '../../../src/core/calendar/working-days'
import { isFailure } from '../../../src/core/errors'
import { problemEvents, problems } from '../../db/schema'
import type { Db } from '../../db/store'
import { DEADLINE_KIND_LABELS } from '../../../src/core/problem/problem.deadlines'
import { noticeProblem } from '../problems/problem-notices'
import { situationOf } from '../problems/problems.queries'

const SYSTEM = { role: 'system', ownsProblem: false, inDepartment: false, assignedCommissioner: false } as const
const BATCH = 500

/**
 * Flags problems whose sign-for or resolution deadline passed, records it in their timeline and tells the responsible
 * leader. Each missed deadline of a round is recorded once, so the job can run as often as it likes.
 */
export async function markOverdueProblems(db: Db, now: Date, calendar: WorkingDayOptions): Promise<number> {
  const due = await db
    .select({ id: problems.id })
    .from(problems)
    .where(
      and(
        inArray(problems.status, ['assigned', 'in_progress']),
        or(and(eq(problems.status, 'assigned'), lt(problems.signBy, now)), lt(problems.resolveBy, now)),
      ),
    )
    .limit(BATCH)
  let changed = 0
  for (const { id } of due) {
    changed += await db.transaction(async (tx) => {
      const [row] = await tx.select().from(problems).where(eq(problems.id, id)).for('update')
      const situation = situationOf(row, now, calendar)
      if (isFailure(decideProblem('markOverdue', SYSTEM, situation))) return 0
      const kinds = overdueToMark(situation)
      const [updated] = await tx
        .update(problems)
        .set({ overdue: true, overdueMarked: [...row.overdueMarked, ...kinds], version: sql`${problems.version} + 1`, updatedAt: now })
        .where(eq(problems.id, id))
        .returning()
      await tx.insert(problemEvents).values({
        problemId: id,
        actorId: null,
        actorRole: 'system',
        action: 'markOverdue',
        fromStatus: row.status,
        toStatus: row.status,
        note: kinds.map((kind) => `超过${DEADLINE_KIND_LABELS[kind]}`).join('、'),
        at: now,
      })
      // The deadline missed last decides the message (a resolve deadline missed after a sign deadline reads as such).
      await noticeProblem(tx, 'overdue', updated, now, { deadline: kinds[kinds.length - 1] })
      return 1
    })
  }
  return changed
}
