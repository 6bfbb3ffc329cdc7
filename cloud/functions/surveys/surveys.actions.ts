import { and, eq, inArray } from 'drizzle-orm'
import { shanghaiDate } from '../../../src/core/calendar/shanghai-time'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { DEFAULT_FINDING_THRESHOLD } from '../../../src/core/survey/survey.labels'
import { departmentView, surveyResults } from '../../../src/core/survey/survey.results'
import { checkAnswers, decideAnswer, decideClose, decideEdit, decidePublish } from '../../../src/core/survey/survey.rules'
import { surveySchemas, type SurveyResponses, type SurveySaveInput } from '../../../src/core/survey/survey.schema'
import { departments, surveyAnswers, surveyResponses, surveys } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable, type SignedInContext } from '../action'
import { inTransaction } from '../transaction'
import { findingProblemsOf, findingToProblem } from './survey-problem'
import { lastReminderOf, remindNotAnswered } from './survey-reminders'
import { surveyFileName, surveyWorkbook } from './survey.export'
import { answersOf, memberOf, notAnswered, OVERSEERS, summariesFor, surveyFor, viewOf, visibleSurveys, type SurveyRow } from './surveys.queries'

/**
 * 企业评判部门 (DESIGN.md §2 "Policies and surveys"): administrators build, publish and close surveys, see who has
 * not answered and remind them; holders of the audience answer once per enterprise; departments and leaders see aggregates and free
 * text, never who wrote what (the answers table cannot tell them: see surveyAnswers).
 */
const ADMIN = ['admin'] as const
const HOLDER = ['holder'] as const
const DISTRICT = ['admin', 'leader'] as const
const READERS = ['admin', 'leader', 'handler', 'holder'] as const

/** The URL the local host serves a survey's workbook at (GET, with the bearer token). */
export const surveyExportPath = (id: string) => `/api/surveys/export?id=${id}`

/** Departments a questionnaire's rating items name must exist. */
async function checkDepartments(tx: Tx, input: SurveySaveInput): Promise<Failure | null> {
  const ids = [...new Set(input.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === 'rating' && i.departmentId ? [i.departmentId] : []))))]
  if (!ids.length) return null
  const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))
  return found.length === ids.length ? null : fail('VALIDATION_FAILED', '题目对应的责任部门不存在，请重新选择')
}

async function lockSurvey(tx: Tx, id: string): Promise<SurveyRow | Failure> {
  const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update')
  return row ?? fail('NOT_FOUND', '问卷不存在')
}

const adminView = (row: SurveyRow, ctx: SignedInContext, responses = 0) => viewOf(row, shanghaiDate(ctx.now), null, responses)

/** One lifecycle step of an administrator: lock, let the core decide, write the new status. */
function step(name: 'publish' | 'close') {
  return defineAction({
    input: surveySchemas[name],
    access: ADMIN,
    async run({ id }, ctx): Promise<SurveyResponses[typeof name] | Failure> {
      return inTransaction(ctx.db, async (tx) => {
        const row = await lockSurvey(tx, id)
        if (isFailure(row)) return row
        const today = shanghaiDate(ctx.now)
        const decided = name === 'publish' ? decidePublish(row, today) : decideClose(row, today)
        if (isFailure(decided)) return decided
        const patch = name === 'publish' ? { status: 'open' as const, publishedAt: ctx.now } : { status: 'closed' as const, closedAt: ctx.now, closedOn: today }
        const [updated] = await tx.update(surveys).set({ ...patch, updatedAt: ctx.now }).where(eq(surveys.id, id)).returning()
        const [summary] = await summariesFor(tx, ctx.caller, [updated], null, ctx.now)
        return adminView(updated, ctx, summary.responseCount ?? 0)
      })
    },
  })
}

export const surveyActions = {
  save: defineAction({
    input: surveySchemas.save,
    access: ADMIN,
    async run(input, ctx): Promise<SurveyResponses['save'] | Failure> {
      return inTransaction(ctx.db, async (tx) => {
        const refused = await checkDepartments(tx, input)
        if (refused) return refused
        const values = {
          title: input.title,
          description: input.description ?? null,
          sections: input.sections,
          cardTypes: input.audience.cardTypes,
          industries: input.audience.industries,
          opensOn: input.opensOn,
          closesOn: input.closesOn,
          findingThreshold: input.findingThreshold ?? DEFAULT_FINDING_THRESHOLD,
          updatedAt: ctx.now,
        }
        if (!input.id) {
          const [created] = await tx
            .insert(surveys)
            .values({ id: ctx.newId(), ...values, status: 'draft', createdBy: ctx.caller.id, createdAt: ctx.now })
            .returning()
          return adminView(created, ctx)
        }
        const row = await lockSurvey(tx, input.id)
        if (isFailure(row)) return row
        const editable = decideEdit(row)
        if (isFailure(editable)) return editable
        const [updated] = await tx.update(surveys).set(values).where(eq(surveys.id, input.id)).returning()
        return adminView(updated, ctx)
      })
    },
  }),

  publish: step('publish'),
  close: step('close'),

  list: defineAction({
    input: surveySchemas.list,
    access: READERS,
    async run({ status }, ctx): Promise<SurveyResponses['list']> {
      const { rows, member } = await visibleSurveys(ctx.db, ctx.caller, status ? eq(surveys.status, status) : undefined)
      return { items: await summariesFor(ctx.db, ctx.caller, rows, member, ctx.now) }
    },
  }),

  get: defineAction({
    input: surveySchemas.get,
    access: READERS,
    async run({ id }, ctx): Promise<SurveyResponses['get'] | Failure> {
      const found = await surveyFor(ctx.db, ctx.caller, id, ctx.now)
      return isFailure(found) ? found : found.view
    },
  }),

  /**
   * 一企一答: the enterprise's first answer is kept; a retry with the same key answers it again, any other answer is
   * refused. The response (who) and the answers (what) go to two tables that share nothing but the survey.
   */
  answer: defineAction({
    input: surveySchemas.answer,
    access: HOLDER,
    async run({ id, answers, idempotencyKey }, ctx): Promise<SurveyResponses['answer'] | Failure> {
      return inTransaction(ctx.db, async (tx) => {
        const member = await memberOf(tx, ctx.caller)
        if (!member) return fail('HOLDER_CARD_REQUIRED', '请先激活服务卡再填写问卷')
        const found = await surveyFor(tx, ctx.caller, id, ctx.now)
        if (isFailure(found)) return found
        const earlier = async (): Promise<SurveyResponses['answer'] | Failure> => {
          const [first] = await tx
            .select()
            .from(surveyResponses)
            .where(and(eq(surveyResponses.surveyId, id), eq(surveyResponses.holderId, member.holderId)))
          if (!first) return fail('SURVEY_ALREADY_ANSWERED')
          if (first.userId === ctx.caller.id && first.idempotencyKey === idempotencyKey) return { surveyId: id, answeredAt: first.answeredAt.toISOString() }
          return fail('SURVEY_ALREADY_ANSWERED')
        }
        if (found.view.answered) return earlier()
        const open = decideAnswer(found.row, shanghaiDate(ctx.now))
        if (isFailure(open)) return open
        const checked = checkAnswers(found.view.sections, answers)
        if (isFailure(checked)) return checked
        const [recorded] = await tx
          .insert(surveyResponses)
          .values({ surveyId: id, holderId: member.holderId, userId: ctx.caller.id, idempotencyKey, answeredAt: ctx.now })
          .onConflictDoNothing()
          .returning()
        // Another contact of the same enterprise (or a retry) answered at the same moment and won.
        if (!recorded) return earlier()
        const sheetId = ctx.newId()
        if (checked.data.length) {
          await tx.insert(surveyAnswers).values(
            checked.data.map((a) => ({
              surveyId: id,
              sheetId,
              itemId: a.itemId,
              level: a.kind === 'rating' ? a.level : null,
              choices: a.kind === 'single' || a.kind === 'multiple' ? a.choices : null,
              text: a.kind === 'text' ? a.text : null,
            })),
          )
        }
        return { surveyId: id, answeredAt: ctx.now.toISOString() }
      })
    },
  }),

  /**
   * Aggregates for administrators and leaders; a department's handler sees the same aggregates and texts with its own
   * score and findings only. Who has not answered: administrators only.
   */
  results: defineAction({
    input: surveySchemas.results,
    access: OVERSEERS,
    async run({ id }, ctx): Promise<SurveyResponses['results'] | Failure> {
      const found = await surveyFor(ctx.db, ctx.caller, id, ctx.now)
      if (isFailure(found)) return found
      const { row, view } = found
      const admin = ctx.caller.roles.includes('admin')
      const district = admin || ctx.caller.roles.includes('leader')
      const all = surveyResults(view.sections, await answersOf(ctx.db, id), view.responseCount ?? 0, row.findingThreshold)
      const results = district ? all : departmentView(all, ctx.caller.departmentId ?? '')
      const problems = (await findingProblemsOf(ctx.db, id)).filter((p) => district || p.departmentId === ctx.caller.departmentId)
      const departmentIds = [...new Set([...all.items.flatMap((i) => (i.departmentId ? [i.departmentId] : [])), ...problems.map((p) => p.departmentId)])]
      const names = departmentIds.length ? await ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, departmentIds)) : []
      const missing = admin ? await notAnswered(ctx.db, row) : null
      const lastReminder = admin ? await lastReminderOf(ctx.db, id) : null
      return {
        ...results,
        survey: view,
        departmentNames: Object.fromEntries(names.map((d) => [d.id, d.name])),
        notAnswered: missing?.holders ?? null,
        audienceSize: missing?.audienceSize ?? null,
        problems,
        lastReminder,
      }
    },
  }),

  toProblem: defineAction({
    input: surveySchemas.toProblem,
    access: ADMIN,
    async run(input, ctx): Promise<SurveyResponses['toProblem'] | Failure> {
      return findingToProblem(input, ctx)
    },
  }),

  /**
   * Where to download the results as .xlsx (as reports.export): on the host its GET route, which builds the file on
   * request; in the cloud the file is built here and published to cloud storage.
   */
  export: defineAction({
    input: surveySchemas.export,
    access: DISTRICT,
    async run({ id }, ctx): Promise<SurveyResponses['export'] | Failure> {
      const found = await surveyFor(ctx.db, ctx.caller, id, ctx.now)
      if (isFailure(found)) return found
      const fileName = surveyFileName(found.view)
      if (!ctx.publishFile) return { fileName, url: surveyExportPath(id) }
      const bytes = await surveyWorkbook(ctx.db, found.row, found.view, ctx.now)
      return { fileName, url: await ctx.publishFile(`surveys/${id}/${fileName}`, bytes) }
    },
  }),

  remind: defineAction({
    input: surveySchemas.remind,
    access: ADMIN,
    async run({ id }, ctx): Promise<SurveyResponses['remind'] | Failure> {
      return remindNotAnswered(id, ctx)
    },
  }),
} satisfies ActionTable

