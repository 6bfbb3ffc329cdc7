import { eq } from 'drizzle-orm'
import { checkReportMonth, reportFileName, type Month } from '../../../src/core/report/report.figures'
import { reportSchemas, type ReportResponses } from '../../../src/core/report/report.schema'
import { fail, isFailure, type Failure } from '../../../src/core/errors'
import { departments } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable, type Caller } from '../action'
import { exportWorkbook } from './report.export'
import { annualReportOf, monthlyReportOf } from './report.frozen'
import { dashboardOf } from './report.queries'

/**
 * Who reads what (DESIGN.md §1): leaders and the administration office see every department; a department handler
 * sees their own department's monthly and annual figures (what they are judged on) and nothing else. The dashboard
 * and the export are district-wide (every department, every problem of the month), so they are for leaders and
 * admins only; a handler is refused them rather than shown a cut-down district.
 */
const DISTRICT = ['leader', 'admin'] as const
const READERS = ['leader', 'admin', 'handler'] as const

/** The departments the caller may read, given the one asked for: undefined for all. */
async function scopeOf(tx: Tx, caller: Caller, departmentId: string | undefined): Promise<string[] | undefined | Failure> {
  if (departmentId) {
    const [found] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, departmentId))
    if (!found) return fail('NOT_FOUND', '部门不存在')
  }
  if (caller.roles.includes('leader') || caller.roles.includes('admin')) return departmentId ? [departmentId] : undefined
  if (!caller.departmentId || (departmentId && departmentId !== caller.departmentId)) return fail('FORBIDDEN', '只能查看本部门的报表')
  return [caller.departmentId]
}

/** The URL the local host serves a month's workbook at (GET, with the bearer token). */
export const exportPath = (month: Month) => `/api/reports/export?month=${month}`

/**
 * The workbook of a month: refused for a month not over yet, or whose report has not been generated. Used by
 * `reports.export` in the cloud and by the host's GET route after the same action has authorised the caller.
 */
export async function monthWorkbook(tx: Tx, month: Month, now: Date): Promise<{ fileName: string; bytes: Buffer } | Failure> {
  const ended = checkReportMonth(month, now)
  if (isFailure(ended)) return ended
  const report = await monthlyReportOf(tx, month, now)
  if (!report) return fail('REPORT_NOT_READY')
  return { fileName: reportFileName(month), bytes: await exportWorkbook(tx, report, month, now) }
}

export const reportActions = {
  dashboard: defineAction({
    input: reportSchemas.dashboard,
    access: DISTRICT,
    async run(input, ctx): Promise<ReportResponses['dashboard']> {
      return dashboardOf(ctx.db, input, ctx.now, ctx.calendar)
    },
  }),

  monthly: defineAction({
    input: reportSchemas.monthly,
    access: READERS,
    async run({ month, departmentId }, ctx) {
      const ended = checkReportMonth(month, ctx.now)
      if (isFailure(ended)) return ended
      const scope = await scopeOf(ctx.db, ctx.caller, departmentId)
      if (isFailure(scope)) return scope
      const report = await monthlyReportOf(ctx.db, month, ctx.now, scope)
      return report ?? fail('REPORT_NOT_READY')
    },
  }),

  annual: defineAction({
    input: reportSchemas.annual,
    access: READERS,
    async run({ year, departmentId }, ctx): Promise<ReportResponses['annual'] | Failure> {
      const scope = await scopeOf(ctx.db, ctx.caller, departmentId)
      if (isFailure(scope)) return scope
      return annualReportOf(ctx.db, year, ctx.now, scope)
    },
  }),

  /**
   * Where to download the month's .xlsx. On the local host: the GET route, which builds the file on request. In the
   * cloud (where `publishFile` is wired): the file is built here, uploaded to cloud storage and a temporary URL
   * returned, since a cloud function can only answer JSON.
   */
  export: defineAction({
    input: reportSchemas.export,
    access: DISTRICT,
    async run({ month }, ctx): Promise<ReportResponses['export'] | Failure> {
      if (ctx.publishFile) {
        const file = await monthWorkbook(ctx.db, month, ctx.now)
        if (isFailure(file)) return file
        return { month, fileName: file.fileName, url: await ctx.publishFile(`reports/${month}/${file.fileName}`, file.bytes) }
      }
      const ended = checkReportMonth(month, ctx.now)
      if (isFailure(ended)) return ended
      if (!(await monthlyReportOf(ctx.db, month, ctx.now))) return fail('REPORT_NOT_READY')
      return { month, fileName: reportFileName(month), url: exportPath(month) }
    },
  }),
} satisfies ActionTable
