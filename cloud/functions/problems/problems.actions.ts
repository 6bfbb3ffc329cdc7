import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import { decodeCursor, encodeCursor } from '../../../src/core/problem/problem.cursor'
import { LIST_TOTAL_CAP } from '../../../src/core/problem/problem.limits'
import type { ProblemAction } from '../../../src/core/problem/problem.machine'
import { problemSchemas, type ProblemResponses } from '../../../src/core/problem/problem.schema'
import { fail, isFailure } from '../../../src/core/errors'
import { departments, problems, users } from '../../db/schema'
import { defineAction, type ActionTable } from '../action'
import { PROBLEM_SUBMITTERS, submitProblem, transition, type Input } from './problem-changes'
import { loadProblems, timelineOf, toProblemView, viewerOf, seesEveryProblem, visibleTo } from './problems.queries'

function transitionAction<A extends Exclude<ProblemAction, 'markOverdue'>>(action: A) {
  return defineAction({
    input: problemSchemas[action],
    access: 'signedIn',
    run: (input, ctx) => transition(ctx, action, input as Input & { id: string; version: number }),
  })
}

export const problemActions = {
  submit: defineAction({
    input: problemSchemas.submit,
    access: PROBLEM_SUBMITTERS,
    run: submitProblem,
  }),

  mine: defineAction({
    input: problemSchemas.mine,
    access: 'signedIn',
    async run({ status }, ctx): Promise<ProblemResponses['mine']> {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      if (viewer.ownHolderIds.length === 0) return { items: [] }
      const mine = inArray(problems.holderId, viewer.ownHolderIds)
      const rows = await loadProblems(ctx.db, and(mine, status ? eq(problems.status, status) : undefined), 200)
      return { items: rows.map((r) => toProblemView(r, viewer, ctx)) }
    },
  }),

  get: defineAction({
    input: problemSchemas.get,
    access: 'signedIn',
    async run({ id }, ctx) {
      const viewer = await viewerOf(ctx.db, ctx.caller)
      const [found] = await loadProblems(ctx.db, and(eq(problems.id, id), visibleTo(viewer)), 1)
      if (!found) return fail('NOT_FOUND', '诉求不存在')
      return { ...toProblemView(found, viewer, ctx), timeline: await timelineOf(ctx.db, id) } satisfies ProblemResponses['get']
    },
  }),

  list: defineAction({
    input: problemSchemas.list,
    access: ['staff', 'handler', 'commissioner', 'leader', 'admin'] as const,
    async run(filter, ctx) {
      let after
      if (filter.cursor) {
        const cursor = decodeCursor(filter.cursor)
        if (isFailure(cursor)) return cursor
        after = sql`(${problems.createdAt}, ${problems.id}) < (${cursor.data.createdAt}::timestamptz, ${cursor.data.id}::uuid)`
      }
      const conditions = [
        filter.status ? eq(problems.status, filter.status) : undefined,
        filter.departmentId ? eq(problems.departmentId, filter.departmentId) : undefined,
        filter.category ? eq(problems.category, filter.category) : undefined,
        filter.overdue !== undefined ? eq(problems.overdue, filter.overdue) : undefined,
        filter.escalated !== undefined ? eq(problems.escalated, filter.escalated) : undefined,
        filter.leaderId ? eq(problems.leaderId, filter.leaderId) : undefined,
        after,
      ]
      // The first page counts the matches too, up to the cap: an index scan of at most LIST_TOTAL_CAP + 1 entries.
      const count = async (visible: SQL | undefined) => {
        if (filter.cursor) return undefined
        const matches = ctx.db.select({ one: sql`1` }).from(problems).where(and(visible, ...conditions)).limit(LIST_TOTAL_CAP + 1).as('matches')
        const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(matches)
        return { count: Math.min(Number(n), LIST_TOTAL_CAP), more: Number(n) > LIST_TOTAL_CAP }
      }
      const load = (visible: SQL | undefined) => Promise.all([loadProblems(ctx.db, and(visible, ...conditions), filter.limit + 1), count(visible)])
      // Who sees every problem needs the viewer only to word each row: the queries go at once (issue 13).
      const [viewer, [rows, total]] = seesEveryProblem(ctx.caller)
        ? await Promise.all([viewerOf(ctx.db, ctx.caller), load(undefined)])
        : await viewerOf(ctx.db, ctx.caller).then(async (found) => [found, await load(visibleTo(found))] as const)
      const page = rows.slice(0, filter.limit)
      const last = page[page.length - 1]?.problems
      return {
        items: page.map((r) => toProblemView(r, viewer, ctx)),
        nextCursor: rows.length > filter.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
        ...(total ? { total } : {}),
      } satisfies ProblemResponses['list']
    },
  }),

  directory: defineAction({
    input: problemSchemas.directory,
    access: ['admin', 'leader'] as const,
    async run(_input, ctx): Promise<ProblemResponses['directory']> {
      const [departmentRows, leaderRows] = await Promise.all([
        ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(isNull(departments.deactivatedAt)).orderBy(departments.name),
        ctx.db.select({ id: users.id, name: users.name }).from(users).where(and(sql`'leader' = ANY(${users.roles})`, isNull(users.deactivatedAt))).orderBy(users.name),
      ])
      return { departments: departmentRows, leaders: leaderRows }
    },
  }),

  answer: transitionAction('answer'),
  defer: transitionAction('defer'),
  assign: transitionAction('assign'),
  reassign: transitionAction('reassign'),
  sign: transitionAction('sign'),
  progress: transitionAction('progress'),
  resolve: transitionAction('resolve'),
  sendBack: transitionAction('sendBack'),
  confirm: transitionAction('confirm'),
  reopen: transitionAction('reopen'),
  escalate: transitionAction('escalate'),
} satisfies ActionTable
