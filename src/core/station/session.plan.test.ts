import { planFixedDaySessions, skippedFixedDays, slotsFor, type FixedDayRule } from './session.plan'

const everyWeekday = (weekday: number, validFrom = '2026-01-01', validTo = '2027-12-31'): FixedDayRule => ({
  weekday,
  start: '09:00',
  end: '11:30',
  validFrom,
  validTo,
})
const dates = (rule: FixedDayRule, from: string, weeks: number) => planFixedDaySessions(rule, { from, weeks }).map((s) => s.date)

describe('planFixedDaySessions', () => {
  it('generates every Tuesday with the fixed window', () => {
    expect(planFixedDaySessions(everyWeekday(2), { from: '2026-03-02', weeks: 3 })).toEqual([
      { date: '2026-03-03', start: '09:00', end: '11:30' },
      { date: '2026-03-10', start: '09:00', end: '11:30' },
      { date: '2026-03-17', start: '09:00', end: '11:30' },
    ])
  })

  it('includes `from` when it is the weekday, and starts at the next one otherwise', () => {
    expect(dates(everyWeekday(2), '2026-03-03', 2)).toEqual(['2026-03-03', '2026-03-10'])
    // 03-04 … 03-17.
    expect(dates(everyWeekday(2), '2026-03-04', 2)).toEqual(['2026-03-10', '2026-03-17'])
  })

  it('skips a Tuesday in the National Day holiday and gives the 调休 Saturday no Tuesday session', () => {
    // 10-06 is a holiday; 10-10 (调休 Saturday) is a working day but not a Tuesday.
    expect(dates(everyWeekday(2), '2026-09-21', 4)).toEqual(['2026-09-22', '2026-09-29', '2026-10-13'])
  })

  it('holds a Thursday right after the holiday and skips 中秋节 on a Friday', () => {
    expect(dates(everyWeekday(4), '2026-09-21', 4)).toEqual(['2026-09-24', '2026-10-08', '2026-10-15'])
    expect(dates(everyWeekday(5), '2026-09-21', 3)).toEqual(['2026-10-09'])
  })

  it('skips the Spring Festival Tuesday 2026', () => {
    expect(dates(everyWeekday(2), '2026-02-09', 3)).toEqual(['2026-02-10', '2026-02-24'])
  })

  it('holds a weekend fixed day on ordinary and make-up weekends, skipping holiday ones', () => {
    // Saturdays: 10-03 is in 国庆节; 10-10 is a make-up day; 10-17 ordinary.
    expect(dates(everyWeekday(6), '2026-09-28', 3)).toEqual(['2026-10-10', '2026-10-17'])
    // Sundays: 09-20 make-up day, 09-27 in 中秋节, 10-04 in 国庆节, 10-11 ordinary.
    expect(dates(everyWeekday(7), '2026-09-14', 4)).toEqual(['2026-09-20', '2026-10-11'])
  })

  it('keeps within the validity, both ends included', () => {
    expect(dates(everyWeekday(2, '2026-03-10', '2026-03-24'), '2026-03-01', 6)).toEqual(['2026-03-10', '2026-03-17', '2026-03-24'])
    expect(dates(everyWeekday(2, '2026-05-01', '2026-06-01'), '2026-03-01', 4)).toEqual([])
  })

  it('spans exactly `weeks` weeks from `from`', () => {
    expect(dates(everyWeekday(1), '2026-03-02', 1)).toEqual(['2026-03-02'])
    expect(dates(everyWeekday(7), '2026-03-02', 1)).toEqual(['2026-03-08'])
    // Any 7 days hold each weekday once: 03-03 … 03-09.
    for (let weekday = 1; weekday <= 7; weekday++) expect(dates(everyWeekday(weekday), '2026-03-03', 1)).toHaveLength(1)
    expect(dates(everyWeekday(1), '2026-03-03', 1)).toEqual(['2026-03-09'])
    // A year of Wednesdays: 52, of which 2026-10-07 (国庆节) is skipped.
    const year = { from: '2026-03-02', weeks: 52 }
    expect(planFixedDaySessions(everyWeekday(3), year)).toHaveLength(51)
    expect(skippedFixedDays(everyWeekday(3), year)).toEqual([{ date: '2026-10-07', holiday: '国庆节' }])
  })

  it('honours overrides from an official notice for years without data', () => {
    const rule = everyWeekday(2)
    expect(planFixedDaySessions(rule, { from: '2027-02-08', weeks: 2 }).map((s) => s.date)).toEqual(['2027-02-09', '2027-02-16'])
    const overrides = { '2027-02-09': false }
    expect(planFixedDaySessions(rule, { from: '2027-02-08', weeks: 2 }, { overrides }).map((s) => s.date)).toEqual(['2027-02-16'])
  })

  it('throws on impossible ranges (bugs: inputs are validated at the edge)', () => {
    expect(() => planFixedDaySessions(everyWeekday(2), { from: '2026-03-02', weeks: 0 })).toThrow(RangeError)
    expect(() => planFixedDaySessions(everyWeekday(2), { from: '2026-03-02', weeks: 53 })).toThrow(RangeError)
    expect(() => planFixedDaySessions(everyWeekday(8), { from: '2026-03-02', weeks: 1 })).toThrow(RangeError)
  })
})

describe('skippedFixedDays', () => {
  it('names the holidays that took a fixed day out', () => {
    expect(skippedFixedDays(everyWeekday(2), { from: '2026-09-21', weeks: 4 })).toEqual([{ date: '2026-10-06', holiday: '国庆节' }])
    expect(skippedFixedDays(everyWeekday(5), { from: '2026-09-21', weeks: 2 })).toEqual([
      { date: '2026-09-25', holiday: '中秋' },
      { date: '2026-10-02', holiday: '国庆节' },
    ])
    expect(skippedFixedDays(everyWeekday(2), { from: '2027-02-08', weeks: 1 }, { overrides: { '2027-02-09': false } })).toEqual([
      { date: '2027-02-09', holiday: '节假日' },
    ])
  })
})

describe('slotsFor', () => {
  it('cuts the window into consecutive half-open slots as UTC instants', () => {
    const result = slotsFor({ date: '2026-10-13', start: '09:00', end: '11:30', slotMinutes: 30 })
    expect(result).toEqual({
      ok: true,
      data: [
        { start: '2026-10-13T01:00:00.000Z', end: '2026-10-13T01:30:00.000Z' },
        { start: '2026-10-13T01:30:00.000Z', end: '2026-10-13T02:00:00.000Z' },
        { start: '2026-10-13T02:00:00.000Z', end: '2026-10-13T02:30:00.000Z' },
        { start: '2026-10-13T02:30:00.000Z', end: '2026-10-13T03:00:00.000Z' },
        { start: '2026-10-13T03:00:00.000Z', end: '2026-10-13T03:30:00.000Z' },
      ],
    })
  })

  it('handles one slot for the whole window and a window that starts before 08:00 (the previous UTC day)', () => {
    expect(slotsFor({ date: '2026-10-13', start: '09:00', end: '11:30', slotMinutes: 150 })).toEqual({
      ok: true,
      data: [{ start: '2026-10-13T01:00:00.000Z', end: '2026-10-13T03:30:00.000Z' }],
    })
    const early = slotsFor({ date: '2026-10-13', start: '07:00', end: '08:00', slotMinutes: 60 })
    expect(early).toEqual({ ok: true, data: [{ start: '2026-10-12T23:00:00.000Z', end: '2026-10-13T00:00:00.000Z' }] })
  })

  it.each([
    [{ start: '09:00', end: '11:30', slotMinutes: 60 }, '整数倍'],
    [{ start: '09:00', end: '09:00', slotMinutes: 30 }, '晚于'],
    [{ start: '11:30', end: '09:00', slotMinutes: 30 }, '晚于'],
    [{ start: '09:00', end: '11:30', slotMinutes: 0 }, '正整数'],
    [{ start: '09:00', end: '11:30', slotMinutes: 7.5 }, '正整数'],
  ])('refuses %o', (window, message) => {
    const result = slotsFor({ date: '2026-10-13', ...window })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(!result.ok && result.error.message).toContain(message)
  })
})
