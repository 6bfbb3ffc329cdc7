import { isoDate } from '../calendar/calendar.schema'
import { daysBetween, isIsoDate } from '../calendar/shanghai-time'
import { wrongFormat } from '../common/field-messages'
import * as z from 'zod'
import { id } from '../common/zod'
import type { ProblemCategory } from '../problem/problem.categories'
import type { MonthlyFigures, Rate } from './report.figures'
import { isMonth, type Month } from './report.months'
import type { SurveyScore } from './report.survey-score'

/** The longest dashboard range, in days counted inclusively: a whole leap year. */
export const MAX_DASHBOARD_DAYS = 366

export const month = z.string().trim().refine(isMonth, { error: wrongFormat('2026-12') })

export const reportSchemas = {
  /** Live figures over [from, to] (Shanghai dates, inclusive). */
  dashboard: z
    .strictObject({ from: isoDate, to: isoDate })
    .superRefine(({ from, to }, ctx) => {
      if (!isIsoDate(from) || !isIsoDate(to)) return
      const days = daysBetween(from, to) + 1
      if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
      else if (days > MAX_DASHBOARD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计区间不能超过${MAX_DASHBOARD_DAYS}天` })
    }),
  /** A frozen monthly report; one department, or all with the district total. */
  monthly: z.strictObject({ month, departmentId: id.optional() }),
  export: z.strictObject({ month }),
  /** The twelve frozen months of a year, per department: what the annual appraisal reads. */
  annual: z.strictObject({ year: z.number('年份应为数字').int('年份应为整数').min(2000, '年份超出范围').max(2100, '年份超出范围'), departmentId: id.optional() }),
}

export type DashboardInput = z.infer<typeof reportSchemas.dashboard>
export type MonthlyReportInput = z.infer<typeof reportSchemas.monthly>
export type ReportExportInput = z.infer<typeof reportSchemas.export>
export type AnnualReportInput = z.infer<typeof reportSchemas.annual>

export interface TrendPoint {
  /** Monday of the week (see `weeksOf`). */
  weekStart: string
  received: number
  resolved: number
}

/**
 * Problems submitted in the range, by category, whatever became of them (not yet assigned ones too): what enterprises
 * ask about. Not 受理 (`received`, a department's intake), and named so wherever it is shown.
 */
export interface CategoryCount {
  category: ProblemCategory
  label: string
  count: number
}

/** The name of CategoryCount's figure on screen and in reports. */
export const CATEGORY_COUNT_LABEL = '新提交诉求'

export interface DepartmentRankingRow {
  departmentId: string
  name: string
  onTimeResolutionRate: Rate
  satisfactionRate: Rate
  received: number
  overdue: number
}

/** The leaders' dashboard: live, computed on request. */
export interface DashboardView {
  /** Today (Shanghai) so far. */
  today: MonthlyFigures
  /** The requested range. */
  period: MonthlyFigures
  trend: TrendPoint[]
  byCategory: CategoryCount[]
  departmentRanking: DepartmentRankingRow[]
}

export interface DepartmentFigures {
  departmentId: string
  name: string
  figures: MonthlyFigures
  /** Only when a survey that rated the department closed in the month (企业评判部门). */
  surveyScore?: SurveyScore
}

/** A monthly report as generated on the 1st: frozen, never recomputed. */
export interface MonthlyReportView {
  month: Month
  /** ISO instant of generation. */
  generatedAt: string
  frozen: true
  departments: DepartmentFigures[]
  /** The district total (`sumFigures` of the departments). */
  total: MonthlyFigures
}

export interface ReportExportView {
  month: Month
  /** e.g. 2026年10月诉求办理月报.xlsx (see `reportFileName`). */
  fileName: string
  /** Where the client downloads the file (a cloud file ID or a host URL). */
  url: string
}

/** One month of a department's year: null figures for a month with no report (not generated, or not ended yet). */
export interface AnnualMonth {
  month: Month
  generatedAt: string | null
  figures: MonthlyFigures | null
}

export interface AnnualDepartment {
  departmentId: string
  name: string
  /** Always twelve, January first. */
  months: AnnualMonth[]
  /** The generated months summed (`sumFigures`): rates over the year, not an average of monthly rates. */
  total: MonthlyFigures
  /** Only when a survey that rated the department closed in the year. */
  surveyScore?: SurveyScore
}

export interface AnnualReportView {
  year: number
  departments: AnnualDepartment[]
  /** The district over the year (the departments' totals summed). */
  total: MonthlyFigures
}

/** Response shapes of the reports area. */
export interface ReportResponses {
  dashboard: DashboardView
  monthly: MonthlyReportView
  export: ReportExportView
  annual: AnnualReportView
}
