import ExcelJS from 'exceljs'
import { emptyCounts, figuresFrom, sumFigures } from '../../src/core/report/report.figures'
import type { DepartmentRankingRow, MonthlyReportView } from '../../src/core/report/report.schema'
import { resolvedInTime } from '../../cloud/functions/reports/report.export'
import { storedFigures } from '../../cloud/functions/reports/report.frozen'
import { dateRange, rank } from '../../cloud/functions/reports/report.queries'
import { buildWorkbook, excelDate, SHEET_NAMES } from '../../cloud/functions/reports/report.workbook'
import { attachment } from '../../cloud/host/report-download'

const row = (departmentId: string, onTime: number | null, satisfaction: number | null, overdue = 0, received = 0): DepartmentRankingRow => ({
  departmentId,
  name: departmentId,
  onTimeResolutionRate: onTime,
  satisfactionRate: satisfaction,
  overdue,
  received,
})

describe('report helpers', () => {
  it('ranks by on-time resolution, then satisfaction, fewer overdue, more received; no rate last', () => {
    const ranked = rank([row('none', null, 1), row('b', 0.5, 1), row('a', 1, 0.2), row('c', 0.5, 1, 2), row('d', 0.5, 1, 0, 9), row('e', 0.5, null)])
    expect(ranked.map((r) => r.departmentId)).toEqual(['a', 'd', 'b', 'c', 'e', 'none'])
  })

  it('turns Shanghai dates into a half-open instant range', () => {
    expect(dateRange('2026-10-01', '2026-10-31')).toEqual({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-31T16:00:00Z') })
  })

  it('says whether a problem was resolved in time, or is already late', () => {
    const by = new Date('2026-10-26T15:59:59.999Z')
    expect(resolvedInTime(new Date('2026-10-26T15:59:59.999Z'), by, by)).toBe('是')
    expect(resolvedInTime(new Date('2026-10-26T16:00:00Z'), by, by)).toBe('否')
    expect(resolvedInTime(null, by, new Date('2026-10-27T00:00:00Z'))).toBe('否（已超期未办结）')
    expect(resolvedInTime(null, by, new Date('2026-10-20T00:00:00Z'))).toBeNull()
    expect(resolvedInTime(null, null, by)).toBeNull()
  })

  it('reads stored figures back with rates recomputed from counts, ignoring junk', () => {
    const counts = { ...emptyCounts(), resolved: 4, resolvedOnTime: 3 }
    expect(storedFigures({ ...counts, onTimeResolutionRate: 0.1, signed: -1, ratings: 'x' })).toEqual(figuresFrom(counts))
    expect(storedFigures(null)).toEqual(sumFigures([]))
  })

  it('names a Chinese attachment for old and new clients (RFC 5987)', () => {
    expect(attachment('2026年10月诉求办理月报.xlsx', 'report-2026-10.xlsx')).toBe(
      `attachment; filename="report-2026-10.xlsx"; filename*=UTF-8''2026%E5%B9%B410%E6%9C%88%E8%AF%89%E6%B1%82%E5%8A%9E%E7%90%86%E6%9C%88%E6%8A%A5.xlsx`,
    )
    expect(attachment("a'(b).xlsx", 'x.xlsx')).toContain("filename*=UTF-8''a%27%28b%29.xlsx")
  })

  it('writes a workbook exceljs reads back: sheets, frozen header, rates as percentages, Shanghai times', async () => {
    const figures = figuresFrom({ ...emptyCounts(), received: 3, resolved: 2, resolvedOnTime: 1 })
    const report: MonthlyReportView = {
      month: '2026-10',
      generatedAt: '2026-11-01T00:05:00.000Z',
      frozen: true,
      departments: [{ departmentId: 'd1', name: '区自然资源局', figures }],
      total: sumFigures([figures]),
    }
    const submitted = new Date('2026-10-12T01:30:00Z')
    const bytes = await buildWorkbook({
      report,
      problems: { columns: [{ header: '诉求编号', width: 16 }, { header: '提交时间', width: 17 }, { header: '超期', width: 6 }], rows: [['P2026-000001', submitted, true]] },
      ratings: { columns: [{ header: '评价时间', width: 17 }], rows: [] },
      overdue: { columns: [{ header: '诉求编号', width: 16 }], rows: [] },
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(Object.values(SHEET_NAMES))
    const summary = workbook.getWorksheet('汇总')!
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect([summary.getColumn(1).width, summary.getColumn(6).width, summary.getRow(1).font?.bold]).toEqual([22, 12, true])
    expect(summary.autoFilter).toBeTruthy()
    expect(summary.getRow(2).getCell(1).value).toBe('区自然资源局')
    const rateCell = summary.getRow(2).getCell(6)
    expect([summary.getRow(1).getCell(6).value, rateCell.value, rateCell.numFmt]).toEqual(['按时办结率', 0.5, '0.0%'])
    expect(summary.getRow(2).getCell(9).value).toBe('—')
    const detail = workbook.getWorksheet('诉求明细')!
    expect(detail.getRow(2).getCell(2).value).toEqual(excelDate(submitted))
    expect((detail.getRow(2).getCell(2).value as Date).toISOString()).toBe('2026-10-12T09:30:00.000Z')
    expect(detail.getRow(2).getCell(3).value).toBe('是')
  })
})
