import { sql } from 'drizzle-orm'
import { DEFAULT_DEADLINE_POLICY, type ProblemCategory } from '../../../src/core/problem/problem.categories'
import { deadlinesOnAssign } from '../../../src/core/problem/problem.deadlines'
import { problemNumber, problemYear } from '../../../src/core/problem/problem.schema'
import { problemCounters, problemEvents, problems } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { SignedInContext } from '../action'
import { noticeProblem } from './problem-notices'
import type { ProblemRow } from './problems.queries'

/**
 * A problem an administrator raises and assigns at once, with nothing to answer on the spot or defer: a survey's
 * finding (企业评判, 分门别类落实到单位), which has no holder since the answers are anonymous, or a forum topic the
 * meeting did not settle, whose holder is the enterprise that raised it. It enters the ledger where an assignment would
 * put it — assigned to the department with a new round of deadlines, the department notified — and from there it is
 * worked, resolved and confirmed (by its holder, or by the administrators when it has none: problem.machine
 * ownsProblem) like any other. The timeline reads submit, then assign.
 */
export async function raiseAssignedProblem(
  tx: Tx,
  ctx: SignedInContext,
  draft: { category: ProblemCategory; title: string; description: string; departmentId: string; idempotencyKey: string },
  origin: { source: 'survey'; holderId: null } | { source: 'forum'; holderId: string },
): Promise<ProblemRow> {
  const [counter] = await tx
    .insert(problemCounters)
    .values({ year: problemYear(ctx.now), last: 1 })
    .onConflictDoUpdate({ target: problemCounters.year, set: { last: sql`${problemCounters.last} + 1` } })
    .returning({ last: problemCounters.last })
  const deadlines = deadlinesOnAssign(ctx.now, draft.category, DEFAULT_DEADLINE_POLICY, ctx.calendar)
  const [row] = await tx
    .insert(problems)
    .values({
      id: ctx.newId(),
      number: problemNumber(ctx.now, counter.last),
      category: draft.category,
      title: draft.title,
      description: draft.description,
      status: 'assigned',
      source: origin.source,
      holderId: origin.holderId,
      submittedBy: ctx.caller.id,
      departmentId: draft.departmentId,
      assignedAt: ctx.now,
      signBy: deadlines.signBy,
      resolveBy: deadlines.resolveBy,
      idempotencyKey: draft.idempotencyKey,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning()
  await tx.insert(problemEvents).values([
    { problemId: row.id, actorId: ctx.caller.id, actorRole: 'admin', action: 'submit', toStatus: 'submitted', at: ctx.now },
    { problemId: row.id, actorId: ctx.caller.id, actorRole: 'admin', action: 'assign', fromStatus: 'submitted', toStatus: 'assigned', note: draft.description, at: ctx.now },
  ])
  await noticeProblem(tx, 'assigned', row, ctx.now)
  return row
}
