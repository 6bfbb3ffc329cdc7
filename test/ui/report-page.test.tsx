import { waitFor } from '@testing-library/react'
import ReportPage from '@/packages/leader/pages/report/index'
import type { AnnualReportView, MonthlyReportView } from '@/core/report/report.schema'
import { sumFigures } from '@/core/report/report.figures'
import { defaultReportMonth } from '@/stores/report.store'
import { CZJ, figures, ZRZY } from './dashboard-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { leaderUser } from './problem-fixtures'
import { click, expectNotice, renderPage } from './render'

const zrzy = figures({ received: 10, answeredOnSpot: 2, resolved: 8, resolvedOnTime: 7, signed: 8, signedOnTime: 8, overdue: 1, ratings: 4, satisfied: 3, badRatings: 1, badRectified: 1 })
const czj = figures({ received: 4, resolved: 2, resolvedOnTime: 2, signed: 2, signedOnTime: 1 })

function monthly(month: string): MonthlyReportView {
  const departments = [
    { departmentId: ZRZY, name: '区自然资源局', figures: zrzy },
    { departmentId: CZJ, name: '区财政局', figures: czj },
  ]
  return { month, generatedAt: '2026-11-01T00:05:00.000Z', frozen: true, departments, total: sumFigures(departments.map((d) => d.figures)) }
}

function annual(year: number): AnnualReportView {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const department = (departmentId: string, name: string, f: typeof zrzy) => {
    const twelve = months.map((month) => ({ month, generatedAt: month <= `${year}-10` ? '2026-11-01T00:05:00.000Z' : null, figures: month <= `${year}-10` ? f : null }))
    return { departmentId, name, months: twelve, total: sumFigures(twelve.flatMap((m) => (m.figures ? [m.figures] : []))) }
  }
  const departments = [department(ZRZY, '区自然资源局', zrzy), department(CZJ, '区财政局', czj)]
  return { year, departments, total: sumFigures(departments.map((d) => d.total)) }
}

describe('月度报表', () => {
  const realFetch = global.fetch
  afterEach(() => {
    global.fetch = realFetch
    jest.restoreAllMocks()
  })

  it('defaults to the previous month (Shanghai) and shows each department and the district total', async () => {
    const api = new FakeApi().on('reports.monthly', ({ month }) => ok(monthly(String(month))))
    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById(`report-dept-${ZRZY}`)).toBeTruthy())
    const expected = defaultReportMonth(Date.now())
    expect(api.callsOf('reports.monthly')[0].payload).toEqual({ month: expected })
    const row = document.getElementById(`report-dept-${ZRZY}`)!.textContent
    expect(row).toContain('区自然资源局')
    expect(row).toContain('87.5%') // 7 of 8 on time
    expect(row).toContain('100.0%') // signed on time
    expect(row).toContain('75.0%') // satisfied
    expect(document.getElementById(`report-dept-${CZJ}`)!.textContent).toContain('—') // no ratings: no satisfaction rate
    const total = document.getElementById('report-total')!.textContent
    expect(total).toContain('全区合计')
    expect(total).toContain('14') // received
    expect(total).toContain('90.0%') // 9 of 10 on time, recomputed from counts
    expect(defaultReportMonth(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-11') // 1 December in Shanghai
    expect(defaultReportMonth(Date.parse('2026-01-15T00:00:00Z'))).toBe('2025-12')
    store.dispose()
  })

  it('says clearly when the month’s report is not generated yet (REPORT_NOT_READY), and steps back a month', async () => {
    const api = new FakeApi().on('reports.monthly', ({ month }) =>
      month === defaultReportMonth(Date.now()) ? { ok: false, error: { code: 'REPORT_NOT_READY', message: '该月报表尚未生成' } } : ok(monthly(String(month))),
    )
    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('report-not-ready')).toBeTruthy())
    expect(document.getElementById('report-not-ready')!.textContent).toContain('月报尚未生成')
    expect(document.getElementById('report-not-ready')!.textContent).toContain('每月1日生成上月数据')
    expect(document.getElementById('report-export')).toBeNull()
    expect(document.getElementById('report-error')).toBeNull()
    // The latest reportable month: no step forward.
    expect(document.getElementById('report-next')!.className).toContain('disabled')

    await click('report-prev')
    await waitFor(() => expect(document.getElementById(`report-dept-${ZRZY}`)).toBeTruthy())
    expect(document.getElementById('report-not-ready')).toBeNull()
    expect(String(api.callsOf('reports.monthly')[1].payload.month) < String(api.callsOf('reports.monthly')[0].payload.month)).toBe(true)
    store.dispose()
  })

  it('downloads the .xlsx in H5 from GET /api/reports/export with the bearer token, as a Blob', async () => {
    const api = new FakeApi().on('reports.monthly', ({ month }) => ok(monthly(String(month))))
    api.setToken('t-leader')
    const fetchMock = jest.fn(async () => ({
      ok: true,
      status: 200,
      headers: new Headers({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent('2026年10月诉求办理月报.xlsx')}`,
      }),
      blob: async () => new Blob(['PK']),
    }))
    global.fetch = fetchMock as unknown as typeof fetch
    const createObjectURL = jest.fn(() => 'blob:report')
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    const clicked: string[] = []
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(`${this.download}|${this.getAttribute('href')}`)
    })

    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('report-export')).toBeTruthy())
    expect(document.getElementById('report-export')!.textContent).toBe('下载 Excel')
    await click('report-export')
    await waitFor(() => expect(document.getElementById('report-export-result')).toBeTruthy())
    const month = defaultReportMonth(Date.now())
    expect(fetchMock).toHaveBeenCalledWith(`/api/reports/export?month=${month}`, { headers: { Authorization: 'Bearer t-leader' } })
    expect(clicked).toEqual(['2026年10月诉求办理月报.xlsx|blob:report'])
    expect(document.getElementById('report-export-result')!.textContent).toContain('2026年10月诉求办理月报.xlsx')
    expect(api.callsOf('reports.export')).toHaveLength(0)
    store.dispose()
  })

  it('shows the error envelope of a refused export', async () => {
    const api = new FakeApi().on('reports.monthly', ({ month }) => ok(monthly(String(month))))
    global.fetch = jest.fn(async () => ({
      ok: false,
      status: 404,
      headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
      json: async () => ({ ok: false, error: { code: 'REPORT_NOT_READY', message: '该月报表尚未生成' } }),
    })) as unknown as typeof fetch
    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('report-export')).toBeTruthy())
    await click('report-export')
    await waitFor(() => expect(document.getElementById('report-export-error')).toBeTruthy())
    expectNotice('report-export-error', 'REPORT_NOT_READY')
    store.dispose()
  })

  it('shows the year: twelve months per department, with the metric chosen', async () => {
    const api = new FakeApi()
      .on('reports.monthly', ({ month }) => ok(monthly(String(month))))
      .on('reports.annual', ({ year }) => ok(annual(Number(year))))
    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('report-annual')).toBeTruthy())
    await click('report-annual')
    await waitFor(() => expect(document.getElementById(`annual-dept-${ZRZY}`)).toBeTruthy())
    const year = Number(defaultReportMonth(Date.now()).slice(0, 4))
    expect(api.callsOf('reports.annual')[0].payload).toEqual({ year })
    const cells = () => Array.from(document.getElementById(`annual-dept-${ZRZY}`)!.querySelectorAll('.report-cell')).map((c) => c.textContent)
    // Name, January … December, the year.
    expect(cells()).toHaveLength(14)
    expect(cells().slice(1, 11)).toEqual(Array(10).fill('10'))
    expect(cells().slice(11, 13)).toEqual(['—', '—'])
    expect(cells()[13]).toBe('100')
    await click('annual-metric-onTimeResolutionRate')
    expect(cells()[1]).toBe('87.5%')
    expect(cells()[13]).toBe('87.5%')
    expect(document.getElementById('annual-total')!.textContent).toContain('90.0%')
    expect(document.getElementById('report-period')!.textContent).toBe(`${year}年`)
    store.dispose()
  })

  it('is for leaders and admins only', async () => {
    const { store } = await renderPage(<ReportPage />, new FakeApi(), holderUser)
    expect(document.body.textContent).toContain('月度报表仅限区领导和管理员查看')
    store.dispose()
  })
})
