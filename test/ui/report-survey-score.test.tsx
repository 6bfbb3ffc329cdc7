import { waitFor } from '@testing-library/react'
import { sumFigures } from '@/core/report/report.figures'
import type { MonthlyReportView } from '@/core/report/report.schema'
import ReportPage from '@/packages/leader/pages/report/index'
import { CZJ, figures, ZRZY } from './dashboard-fixtures'
import { FakeApi, ok } from './fake-api'
import { leaderUser } from './problem-fixtures'
import { renderPage } from './render'

function monthly(month: string): MonthlyReportView {
  const departments = [
    { departmentId: ZRZY, name: '区自然资源局', figures: figures({ received: 3 }), surveyScore: { surveys: 1, ratings: 40, average: 2.875 } },
    { departmentId: CZJ, name: '区财政局', figures: figures({ received: 1 }) },
  ]
  return { month, generatedAt: '2026-11-01T00:05:00.000Z', frozen: true, departments, total: sumFigures(departments.map((d) => d.figures)) }
}

describe('月度报表: survey score', () => {
  it('adds 问卷评分 when a survey that rated a department closed in the month, — for the others', async () => {
    const api = new FakeApi().on('reports.monthly', ({ month }) => ok(monthly(String(month))))
    const { store } = await renderPage(<ReportPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById(`report-survey-${ZRZY}`)).toBeTruthy())
    expect(document.getElementById(`report-survey-${ZRZY}`)!.textContent).toBe('2.88')
    expect(document.getElementById(`report-survey-${CZJ}`)!.textContent).toBe('—')
    expect(document.getElementById('report-table')!.textContent).toContain('问卷评分')
    store.dispose()
  })
})
