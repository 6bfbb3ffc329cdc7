import { PassThrough } from 'node:stream'
import type { Workbook } from 'exceljs'
import { SHANGHAI_OFFSET_MINUTES } from '../../../src/core/calendar/shanghai-time'
import { FIGURE_LABELS, monthLabel, type MonthlyFigures, type Rate } from '../../../src/core/report/report.figures'
import type { MonthlyReportView } from '../../../src/core/report/report.schema'

/**
 * The .xlsx workbook of a monthly report, one sheet per view: 汇总 (the frozen figures), 诉求明细, 评价 and 超期 (the
 * ledger rows behind them, as they stand at export time). Written with exceljs: maintained, reads what it writes (the
 * tests open the file with it), styles, frozen panes and column widths, and no native parts; SheetJS's npm package is
 * stuck at 0.18.5 with known advisories. exceljs is big, so it is loaded on the first export only, never at a
 * function's cold start.
 */
export const SHEET_NAMES = { summary: '汇总', problems: '诉求明细', ratings: '评价', overdue: '超期' } as const

/** Summary columns: the figures in the order of FIGURE_LABELS; rates are marked to be shown as percentages. */
export const SUMMARY_COLUMNS = Object.keys(FIGURE_LABELS) as (keyof MonthlyFigures)[]
const RATE_KEYS = new Set<keyof MonthlyFigures>(['onTimeResolutionRate', 'timelySignRate', 'satisfactionRate'])

/** A cell: text, a number, a yes/no, an instant (shown in Shanghai wall time) or nothing. */
export type Cell = string | number | boolean | Date | null

export interface DetailSheet {
  columns: Array<{ header: string; width: number }>
  rows: Cell[][]
}

export interface WorkbookInput {
  report: MonthlyReportView
  problems: DetailSheet
  ratings: DetailSheet
  overdue: DetailSheet
}

type ExcelJs = typeof import('exceljs')

async function loadExcelJs(): Promise<ExcelJs> {
  const loaded = (await import('exceljs')) as ExcelJs & { default?: ExcelJs }
  return loaded.default ?? loaded
}

const OFFSET_MS = SHANGHAI_OFFSET_MINUTES * 60_000
/** Excel dates have no time zone: a cell shows the wall time of the UTC fields, so shift to Shanghai. */
export const excelDate = (instant: Date): Date => new Date(instant.getTime() + OFFSET_MS)

const BOOL = (value: boolean) => (value ? '是' : '否')
const NO_RATE = '—'

function cellValue(value: Cell): string | number | Date | null {
  if (value instanceof Date) return excelDate(value)
  if (typeof value === 'boolean') return BOOL(value)
  return value
}

type Sheet = ReturnType<Workbook['addWorksheet']>
type Writer = InstanceType<ExcelJs['stream']['xlsx']['WorkbookWriter']>

/**
 * A sheet with its header row bold on grey, frozen, with filter buttons (the sheets are meant to be sorted and
 * filtered), and the given column widths and formats. Views and filters must be set before the first row is written.
 */
function addSheet(writer: Writer, name: string, columns: Array<{ header: string; width: number; numFmt?: string }>): Sheet {
  const sheet = writer.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] })
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  sheet.columns = columns.map(({ header, width, numFmt }) => ({ header, width, style: numFmt ? { numFmt } : {} }))
  const header = sheet.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  header.height = 30
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } }
  })
  header.commit()
  return sheet
}

function addSummary(writer: Writer, report: MonthlyReportView): void {
  // 问卷评分 only in a month in which a survey that rated some department closed (企业评判部门).
  const surveyed = report.departments.some((d) => d.surveyScore)
  const sheet = addSheet(writer, SHEET_NAMES.summary, [
    { header: '部门', width: 22 },
    ...SUMMARY_COLUMNS.map((key) => ({ header: FIGURE_LABELS[key], width: RATE_KEYS.has(key) ? 12 : 10, numFmt: RATE_KEYS.has(key) ? '0.0%' : undefined })),
    ...(surveyed ? [{ header: '问卷评分', width: 10 }] : []),
  ])
  const row = (name: string, figures: MonthlyFigures) =>
    [name, ...SUMMARY_COLUMNS.map((key) => (RATE_KEYS.has(key) ? ((figures[key] as Rate) ?? NO_RATE) : figures[key]))]
  for (const department of report.departments) {
    sheet.addRow([...row(department.name, department.figures), ...(surveyed ? [department.surveyScore?.average ?? NO_RATE] : [])]).commit()
  }
  const total = sheet.addRow(row('合计', report.total))
  total.font = { bold: true }
  total.commit()
  // Said under the table rather than in a title row, so that row 1 stays the header a filter or a pivot expects.
  sheet.addRow([]).commit()
  sheet.addRow([`${monthLabel(report.month)}月报，生成于 ${report.generatedAt.slice(0, 10)}，生成后不再变动；明细各表为导出时的台帐。`]).commit()
  sheet.commit()
}

function addDetail(writer: Writer, name: string, detail: DetailSheet): void {
  const sheet = addSheet(
    writer,
    name,
    detail.columns.map((column, i) => ({ ...column, numFmt: detail.rows.some((row) => row[i] instanceof Date) ? 'yyyy-mm-dd hh:mm' : undefined })),
  )
  for (const row of detail.rows) sheet.addRow(row.map(cellValue)).commit()
  sheet.commit()
}

/**
 * Written with exceljs's streaming writer: rows are serialised as they are added instead of kept as cell objects
 * (a month of 46,000 problems: 7 s with the in-memory workbook), strings inline rather than shared (a larger file,
 * no string table to build).
 */
export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  return writeWorkbook(new Date(input.report.generatedAt), (writer) => {
    addSummary(writer, input.report)
    addDetail(writer, SHEET_NAMES.problems, input.problems)
    addDetail(writer, SHEET_NAMES.ratings, input.ratings)
    addDetail(writer, SHEET_NAMES.overdue, input.overdue)
  })
}

/** A workbook of detail sheets only (a survey's results), with the same writer, header and formats as the reports. */
export async function buildDetailWorkbook(created: Date, sheets: ReadonlyArray<{ name: string; detail: DetailSheet }>): Promise<Buffer> {
  return writeWorkbook(created, (writer) => {
    for (const { name, detail } of sheets) addDetail(writer, name, detail)
  })
}

async function writeWorkbook(created: Date, fill: (writer: Writer) => void): Promise<Buffer> {
  const ExcelJS = await loadExcelJs()
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve)
    out.on('error', reject)
  })
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  writer.creator = '流动政务服务站'
  writer.created = created
  fill(writer)
  await writer.commit()
  await done
  return Buffer.concat(chunks)
}
