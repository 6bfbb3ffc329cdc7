import { reportSchemas } from './report.schema'

const uuid = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const messages = (result: { error?: { issues: Array<{ message: string }> } }) => result.error?.issues.map((i) => i.message) ?? []

describe('reports.dashboard', () => {
  it('takes a range of real dates, one day to a leap year', () => {
    expect(reportSchemas.dashboard.parse({ from: ' 2026-10-01 ', to: '2026-10-31' })).toEqual({ from: '2026-10-01', to: '2026-10-31' })
    expect(reportSchemas.dashboard.safeParse({ from: '2026-10-01', to: '2026-10-01' }).success).toBe(true)
    expect(reportSchemas.dashboard.safeParse({ from: '2028-01-01', to: '2028-12-31' }).success).toBe(true)
  })

  it('refuses a backwards or too long range, in Chinese', () => {
    expect(messages(reportSchemas.dashboard.safeParse({ from: '2026-10-02', to: '2026-10-01' }))).toEqual(['结束日期不能早于开始日期'])
    expect(messages(reportSchemas.dashboard.safeParse({ from: '2026-01-01', to: '2027-01-02' }))).toEqual(['统计区间不能超过366天'])
    expect(reportSchemas.dashboard.safeParse({ from: '2026-01-01', to: '2027-01-01' }).success).toBe(true)
  })

  it('refuses bad dates and unknown fields', () => {
    expect(messages(reportSchemas.dashboard.safeParse({ from: '2026-02-30', to: '2026-03-01' }))).toEqual(['开始日期格式不正确，应如 2026-12-08'])
    expect(reportSchemas.dashboard.safeParse({ from: '2026-10-01' }).success).toBe(false)
    expect(reportSchemas.dashboard.safeParse({ from: '2026-10-01', to: '2026-10-02', departmentId: uuid }).success).toBe(false)
  })
})

describe('reports.monthly and reports.export', () => {
  it('take a month, and a department for the monthly report', () => {
    expect(reportSchemas.monthly.parse({ month: '2026-09' })).toEqual({ month: '2026-09' })
    expect(reportSchemas.monthly.parse({ month: '2026-09', departmentId: uuid })).toEqual({ month: '2026-09', departmentId: uuid })
    expect(reportSchemas.export.parse({ month: '2026-12' })).toEqual({ month: '2026-12' })
  })

  it('refuse a malformed month in Chinese', () => {
    for (const month of ['2026-13', '2026-9', '2026/09', '']) {
      expect(messages(reportSchemas.monthly.safeParse({ month }))).toEqual(['月份格式不正确，应如 2026-12'])
      expect(reportSchemas.export.safeParse({ month }).success).toBe(false)
    }
    expect(reportSchemas.monthly.safeParse({ month: '2026-09', departmentId: 'dept-1' }).success).toBe(false)
    expect(reportSchemas.export.safeParse({ month: '2026-09', departmentId: uuid }).success).toBe(false)
  })
})
