import { isoDate } from '../calendar/calendar.schema'
import { HOLDER_TYPES, type HolderType } from '../card/qualification'
import * as z from 'zod'
import { id, idempotencyKey, line, text } from '../common/zod'
import { RATING_LEVELS } from '../rating/rating.levels'
import { SURVEY_INDUSTRIES, SURVEY_STATUSES, type SurveyIndustry, type SurveyItemKind, type SurveyStatus } from './survey.labels'
import { SURVEY_LIMITS as L } from './survey.limits'
import type { SurveyPhase } from './survey.rules'
import type { SurveyResults } from './survey.results'

/** Inputs of the `surveys` area's actions (DESIGN.md §3 transport: `{ action, ...payload }`). */

/** Sections and items are named by short keys the builder chooses (the template's `a1`, `a1-3`): stable in exports. */
export const itemKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '编号只能包含小写字母、数字和连字符（最多32个字符）')

const itemText = line(L.itemText.max, L.itemText.min)
const unique = (values: readonly unknown[]) => new Set(values).size === values.length

const options = z
  .array(line(L.option.max, L.option.min))
  .min(L.options.min, `选择题至少要有${L.options.min}个选项`)
  .max(L.options.max, `选择题最多${L.options.max}个选项`)
  .refine(unique, '选项不能重复')

export const surveyItemSchema = z.discriminatedUnion(
  'kind',
  [
    /** departmentId: the department responsible for what the item rates; its score and findings are that department's. */
    z.strictObject({ id: itemKey, kind: z.literal('rating'), text: itemText, departmentId: id.nullable().optional() }),
    z.strictObject({ id: itemKey, kind: z.literal('single'), text: itemText, options }),
    z.strictObject({ id: itemKey, kind: z.literal('multiple'), text: itemText, options }),
    z.strictObject({ id: itemKey, kind: z.literal('text'), text: itemText }),
  ],
  '请选择题目类型（五级评价、单选、多选或文字意见）',
)

export const surveySectionSchema = z.strictObject({
  id: itemKey,
  title: line(L.sectionTitle.max, L.sectionTitle.min),
  items: z.array(surveyItemSchema).min(L.itemsPerSection.min, '每个方面至少要有一道题').max(L.itemsPerSection.max, `每个方面最多${L.itemsPerSection.max}道题`),
})

/** The questionnaire: aspects (方面) in order, each with its items. Every section and item key is unique in the survey. */
export const questionnaireSchema = z
  .array(surveySectionSchema)
  .min(L.sections.min, '问卷至少要有一个方面')
  .max(L.sections.max, `问卷最多${L.sections.max}个方面`)
  .superRefine((sections, ctx) => {
    const keys = sections.flatMap((s) => [s.id, ...s.items.map((i) => i.id)])
    if (!unique(keys)) ctx.addIssue({ code: 'custom', message: '方面和题目的编号不能重复' })
    if (sections.reduce((n, s) => n + s.items.length, 0) > L.items.max) ctx.addIssue({ code: 'custom', message: `问卷最多${L.items.max}道题` })
  })

/** Who is asked: holders of these card types and in these industries; an empty list does not narrow. */
export const audienceSchema = z.strictObject({
  cardTypes: z.array(z.enum(HOLDER_TYPES, '请选择服务卡类型')).max(HOLDER_TYPES.length).refine(unique, '服务卡类型不能重复'),
  industries: z.array(z.enum(SURVEY_INDUSTRIES, '请选择行业')).max(SURVEY_INDUSTRIES.length).refine(unique, '行业不能重复'),
})

/** One answer: a level for a rating, an option for a single choice, options for a multiple choice, text for text. */
export const answerValueSchema = z.union(
  [z.literal(RATING_LEVELS), text(L.answerText.max, L.answerText.min), z.array(line(L.option.max, L.option.min)).max(L.options.max)],
  '答案格式不正确',
)

export const surveySchemas = {
  /** A new draft (no id) or changes to a draft. */
  save: z
    .strictObject({
      id: id.optional(),
      title: line(L.title.max, L.title.min),
      description: text(L.description.max, L.description.min).optional(),
      sections: questionnaireSchema,
      audience: audienceSchema,
      /** Shanghai dates, inclusive: holders answer from the opening day to the closing day. */
      opensOn: isoDate,
      closesOn: isoDate,
      findingThreshold: z.number('问题线应为数字').min(1, '问题线应在1–5之间').max(5, '问题线应在1–5之间').optional(),
    })
    .refine(({ opensOn, closesOn }) => opensOn <= closesOn, { path: ['closesOn'], message: '截止日期不能早于开始日期' }),
  publish: z.strictObject({ id }),
  close: z.strictObject({ id }),
  /** Administrators: every survey (optionally by status). Others: the published ones addressed to them. */
  list: z.strictObject({ status: z.enum(SURVEY_STATUSES).optional() }),
  get: z.strictObject({ id }),
  answer: z.strictObject({
    id,
    answers: z
      .record(itemKey, answerValueSchema)
      .refine((answers) => Object.keys(answers).length <= L.items.max, `最多回答${L.items.max}道题`),
    idempotencyKey,
  }),
  results: z.strictObject({ id }),
  /** An administrator turns a finding (a low-scoring rating item) into a problem assigned to the department. */
  toProblem: z.strictObject({ id, itemId: itemKey, departmentId: id }),
  export: z.strictObject({ id }),
  /** 提醒未填写: one message to each holder of the audience who has not answered, at most once a day each. */
  remind: z.strictObject({ id }),
}

export type SurveyItem = z.infer<typeof surveyItemSchema>
export type SurveySection = z.infer<typeof surveySectionSchema>
export type Audience = z.infer<typeof audienceSchema>
export type AnswerValue = z.infer<typeof answerValueSchema>
export type SurveySaveInput = z.infer<typeof surveySchemas.save>
export type SurveyAnswerInput = z.infer<typeof surveySchemas.answer>

/** A survey as a list shows it. Dates are Shanghai dates; instants ISO 8601 (UTC). */
export interface SurveySummary {
  id: string
  title: string
  status: SurveyStatus
  /** What the status and the dates make of it today (a published survey before its opening day is `scheduled`). */
  phase: SurveyPhase
  opensOn: string
  closesOn: string
  itemCount: number
  /** Holders: whether their enterprise has answered; null for everyone else. */
  answered: boolean | null
  /** Administrators and departments: answers so far; null for holders. */
  responseCount: number | null
}

export interface SurveyView extends SurveySummary {
  description: string | null
  sections: SurveySection[]
  audience: { cardTypes: HolderType[]; industries: SurveyIndustry[] }
  findingThreshold: number
  publishedAt: string | null
  closedAt: string | null
}

/** An audience member who has not answered yet (administrators only, to remind them). */
export interface NotAnsweredHolder {
  holderId: string
  name: string
  contactName: string
  contactPhone: string
}

/** A finding already turned into a problem. */
export interface FindingProblem {
  itemId: string
  problemId: string
  problemNumber: string
  departmentId: string
}

export interface SurveyResultsView extends SurveyResults {
  survey: SurveyView
  /** Department names of the departments the items and results name. */
  departmentNames: Record<string, string>
  /** Administrators only; null for departments and leaders (answers are anonymous to them). */
  notAnswered: NotAnsweredHolder[] | null
  audienceSize: number | null
  problems: FindingProblem[]
  /** Administrators only: when 提醒未填写 last went out and how many were told. */
  lastReminder: SurveyReminder | null
}

export interface SurveyReminder {
  sentAt: string
  recipients: number
}

/** What each action of the `surveys` area answers with (`data` of `{ ok: true, data }`). */
export interface SurveyResponses {
  save: SurveyView
  publish: SurveyView
  close: SurveyView
  list: { items: SurveySummary[] }
  get: SurveyView
  answer: { surveyId: string; answeredAt: string }
  results: SurveyResultsView
  toProblem: FindingProblem
  /** Where to download the workbook (as reports.export). */
  export: { url: string; fileName: string }
  /** `recipients`: messages sent now (those reminded earlier today are not told again). */
  remind: SurveyReminder
}

export type { SurveyItemKind }
