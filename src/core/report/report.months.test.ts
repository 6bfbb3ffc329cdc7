import {
  addMonths,
  checkReportMonth,
  isFirstDayOfMonth,
  isMonth,
  monthDays,
  monthLabel,
  monthOf,
  monthRange,
  previousMonth,
  reportFileName,
  weeksOf,
  weekStartOf,
} from './report.months'

describe('months', () => {
  it('validates YYYY-MM', () => {
    expect(['2026-01', '2026-12', '1999-09'].every(isMonth)).toBe(true)
    expect(['2026-13', '2026-00', '2026-1', '2026-01-01', '202601', '', 2026].some(isMonth)).toBe(false)
    // Months whose range cannot be computed (reports.monthly answered 500 for these).
    expect(['0000-01', '0099-12', '9999-12', '2200-01'].some(isMonth)).toBe(false)
  })

  it('counts months across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01')
    expect(addMonths('2027-01', -1)).toBe('2026-12')
    expect(addMonths('2026-03', -14)).toBe('2025-01')
    expect(addMonths('2026-10', 0)).toBe('2026-10')
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError)
  })

  it('run from 00:00 on the 1st to 00:00 on the next 1st, Shanghai time (8 hours before UTC)', () => {
    expect(monthRange('2026-10')).toEqual({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-10-31T16:00:00Z') })
    expect(monthRange('2026-12')).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') })
    expect(monthRange('2027-01').from).toEqual(monthRange('2026-12').to)
    expect(monthRange('2028-02')).toEqual({ from: new Date('2028-01-31T16:00:00Z'), to: new Date('2028-02-29T16:00:00Z') })
    expect(() => monthRange('2026-1')).toThrow(RangeError)
  })

  it('have first and last days', () => {
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' })
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' })
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' })
  })

  it('place an instant in its Shanghai month', () => {
    expect(monthOf('2026-12-31T15:59:59.999Z')).toBe('2026-12')
    expect(monthOf('2026-12-31T16:00:00Z')).toBe('2027-01')
  })

  it('find the month to report: the one before now in Shanghai', () => {
    // 1 January 00:30 in Shanghai is still 31 December in UTC: the report is December's.
    expect(previousMonth('2026-12-31T16:30:00Z')).toBe('2026-12')
    expect(previousMonth('2027-01-01T00:00:00+08:00')).toBe('2026-12')
    expect(previousMonth('2026-12-31T15:59:00Z')).toBe('2026-11')
    expect(previousMonth('2026-03-15T12:00:00Z')).toBe('2026-02')
  })

  it('know the 1st of the month in Shanghai', () => {
    expect(isFirstDayOfMonth('2026-10-31T16:00:00Z')).toBe(true)
    expect(isFirstDayOfMonth('2026-11-01T15:59:59Z')).toBe(true)
    expect(isFirstDayOfMonth('2026-11-01T16:00:00Z')).toBe(false)
    expect(isFirstDayOfMonth('2026-10-31T15:59:59Z')).toBe(false)
  })

  it('can be reported once over', () => {
    expect(checkReportMonth('2026-12', '2026-12-31T16:00:00Z')).toEqual({ ok: true, data: null })
    expect(checkReportMonth('2026-12', '2026-12-31T15:59:59.999Z')).toEqual({ ok: false, error: { code: 'MONTH_NOT_ENDED', message: '该月尚未结束，不能生成或导出月报' } })
    expect(checkReportMonth('2027-05', '2026-12-31T16:00:00Z').ok).toBe(false)
    expect(checkReportMonth('2025-05', '2026-12-31T16:00:00Z').ok).toBe(true)
  })

  it('read in Chinese', () => {
    expect(monthLabel('2026-09')).toBe('2026年9月')
    expect(reportFileName('2026-10')).toBe('2026年10月诉求办理月报.xlsx')
  })
})

describe('weeks of the trend', () => {
  it('start on Monday', () => {
    expect(weekStartOf('2026-10-14')).toBe('2026-10-12') // Wednesday
    expect(weekStartOf('2026-10-12')).toBe('2026-10-12') // Monday
    expect(weekStartOf('2026-10-18')).toBe('2026-10-12') // Sunday
    expect(weekStartOf('2027-01-01')).toBe('2026-12-28')
  })

  it('cover the range, clipping the first and last weeks', () => {
    expect(weeksOf('2026-10-14', '2026-10-27')).toEqual([
      { weekStart: '2026-10-12', from: '2026-10-14', to: '2026-10-18' },
      { weekStart: '2026-10-19', from: '2026-10-19', to: '2026-10-25' },
      { weekStart: '2026-10-26', from: '2026-10-26', to: '2026-10-27' },
    ])
  })

  it('handle one day, a year end and a whole year', () => {
    expect(weeksOf('2026-10-14', '2026-10-14')).toEqual([{ weekStart: '2026-10-12', from: '2026-10-14', to: '2026-10-14' }])
    expect(weeksOf('2026-12-30', '2027-01-05').map((w) => w.weekStart)).toEqual(['2026-12-28', '2027-01-04'])
    const year = weeksOf('2028-01-01', '2028-12-31')
    expect(year).toHaveLength(53)
    expect(year.reduce((days, w) => days + (Date.parse(w.to) - Date.parse(w.from)) / 86_400_000 + 1, 0)).toBe(366)
    expect(() => weeksOf('2026-10-14', '2026-10-13')).toThrow(RangeError)
  })
})
