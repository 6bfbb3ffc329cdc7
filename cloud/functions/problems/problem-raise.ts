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
 * A problem the district raises itself and assigns at once (企业评判: a survey's finding, 分门别类落实到单位): no
 * enterprise stands behind it, since the answers are anonymous, so it has no holder, and nothing to answer on the spot
 * or defer. It enters the ledger where an assignment would put it — assigned to the department with a new round of
 * deadlines, the department notified — and from there it is worked, resolved and confirmed by the administrators
 * (problem.machine: ownsProblem) like any other. The timeline reads submit, then assign.
 */
export async function raiseAssignedProblem(
  tx: Tx,
  ctx: SignedInContext,
  draft: { category: ProblemCategory; title: string; description: string; departmentId: string; idempotencyKey: string },
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
      source: 'survey',
      holderId: null,
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
