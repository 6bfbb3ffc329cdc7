import { and, asc, eq } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import type * as z from 'zod'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { findingOf, findingProblemDraft } from '../../../src/core/survey/survey.finding'
import { surveyResults } from '../../../src/core/survey/survey.results'
import type { FindingProblem, SurveyResponses, surveySchemas } from '../../../src/core/survey/survey.schema'
import { departments, problems, surveyProblems, surveys } from '../../db/schema'
import type { Tx } from '../../db/store'
import type { SignedInContext } from '../action'
import { raiseAssignedProblem } from '../problems/problem-raise'
import { inTransaction } from '../transaction'
import { answersOf, responseCounts, viewOf } from './surveys.queries'

/** The findings of a survey (or one of them) already in the ledger, with their problems' numbers. */
export async function findingProblemsOf(tx: Tx, surveyId: string, itemId?: string): Promise<FindingProblem[]> {
  return tx
    .select({ itemId: surveyProblems.itemId, problemId: surveyProblems.problemId, problemNumber: problems.number, departmentId: surveyProblems.departmentId })
    .from(surveyProblems)
    .innerJoin(problems, eq(problems.id, surveyProblems.problemId))
    .where(and(eq(surveyProblems.surveyId, surveyId), itemId === undefined ? undefined : eq(surveyProblems.itemId, itemId)))
    .orderBy(asc(surveyProblems.createdAt), asc(surveyProblems.itemId))
}

/**
 * 转为诉求: a finding of the survey becomes a problem assigned to the department the administrator names (the item's
 * own, or another one that should answer for it), once per item: asking again answers the problem made the first time.
 */
export async function findingToProblem(input: z.output<typeof surveySchemas.toProblem>, ctx: SignedInContext): Promise<SurveyResponses['toProblem'] | Failure> {
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx.select().from(surveys).where(eq(surveys.id, input.id)).for('update')
    if (!row) return fail('NOT_FOUND', '问卷不存在')
    const [done] = await findingProblemsOf(tx, input.id, input.itemId)
    if (done) return done
    const [department] = await tx.select({ deactivatedAt: departments.deactivatedAt }).from(departments).where(eq(departments.id, input.departmentId))
    if (!department) return fail('VALIDATION_FAILED', '责任部门不存在，请重新选择')
    if (department.deactivatedAt) return fail('DEPARTMENT_INACTIVE')
    const view = viewOf(row, shanghaiDate(ctx.now), null, (await responseCounts(tx, [row.id])).get(row.id) ?? 0)
    const results = surveyResults(view.sections, await answersOf(tx, row.id), view.responseCount ?? 0, row.findingThreshold)
    const finding = findingOf(results, input.itemId)
    if (isFailure(finding)) return finding
    const draft = findingProblemDraft(row.title, finding.data, results.threshold)
    const problem = await raiseAssignedProblem(tx, ctx, { ...draft, departmentId: input.departmentId, idempotencyKey: `survey:${row.id}:${input.itemId}` }, { source: 'survey', holderId: null })
    await tx.insert(surveyProblems).values({ surveyId: row.id, itemId: input.itemId, problemId: problem.id, departmentId: input.departmentId, createdBy: ctx.caller.id, createdAt: ctx.now })
    return { itemId: input.itemId, problemId: problem.id, problemNumber: problem.number, departmentId: input.departmentId }
  })
}
