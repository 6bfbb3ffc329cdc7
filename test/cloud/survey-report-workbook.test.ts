import ExcelJS from 'exceljs'
import { emptyCounts, figuresFrom, sumFigures } from '../../src/core/report/report.figures'
import type { MonthlyReportView } from '../../src/core/report/report.schema'
import { buildWorkbook } from '../../cloud/functions/reports/report.workbook'

const empty = { columns: [{ header: '诉求编号', width: 16 }], rows: [] }

async function summaryOf(report: MonthlyReportView) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await buildWorkbook({ report, problems: empty, ratings: empty, overdue: empty })) as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('汇总')!
  return (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
}

describe('the monthly workbook and the survey score', () => {
  const figures = figuresFrom({ ...emptyCounts(), received: 3 })
  const report = (surveyScore?: { surveys: number; ratings: number; average: number | null }): MonthlyReportView => {
    const departments = [
      { departmentId: 'd1', name: '区自然资源局', figures, ...(surveyScore ? { surveyScore } : {}) },
      { departmentId: 'd2', name: '区财政局', figures },
    ]
    return { month: '2026-10', generatedAt: '2026-11-01T00:05:00.000Z', frozen: true, departments, total: sumFigures(departments.map((d) => d.figures)) }
  }

  it('has a 问卷评分 column in a month a survey closed in, — for a department it did not rate', async () => {
    const row = await summaryOf(report({ surveys: 1, ratings: 2, average: 2.5 }))
    expect(row(1).at(-1)).toBe('问卷评分')
    expect(row(2).at(-1)).toBe(2.5)
    expect(row(3).at(-1)).toBe('—')
  })

  it('has none in another month', async () => {
    const row = await summaryOf(report())
    expect(row(1)).not.toContain('问卷评分')
    expect(row(1)).toHaveLength(row(2).length)
  })
})
