import { calendarOptions, calendarWarnings } from './calendar.status'
import { addWorkingDays, isWorkingDay } from './working-days'

describe('the district calendar', () => {
  // The State Council's 2027 notice as a district would enter it (春节 2027: 2月6日至12日 off, 2月20日 a 调休 Saturday).
  const stored = {
    years: [2027],
    days: [
      { date: '2027-01-01', off: true },
      ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, off: true })),
      { date: '2027-02-20', off: false },
    ],
  }

  it('counts working days of a saved year from the saved days', () => {
    const calendar = calendarOptions(stored)
    expect(isWorkingDay('2027-01-01', calendar)).toBe(false)
    expect(isWorkingDay('2027-02-10', calendar)).toBe(false)
    expect(isWorkingDay('2027-02-20', calendar)).toBe(true)
    expect(isWorkingDay('2027-02-15', calendar)).toBe(true)
    // Received on the last working day before 春节 (Friday 5 February): one working day later is Monday 15 February.
    expect(addWorkingDays('2027-02-05T10:00:00+08:00', 1, calendar).toISOString()).toBe('2027-02-15T15:59:59.999Z')
    // Without the saved year the same deadline lands inside the holiday.
    expect(addWorkingDays('2027-02-05T10:00:00+08:00', 1).toISOString()).toBe('2027-02-08T15:59:59.999Z')
  })

  it('replaces the package data of a saved year: a day the district did not keep is an ordinary day', () => {
    // 2026-10-07 (Wednesday) is 国庆节 in the package; a district that saved 2026 without it works that day.
    expect(isWorkingDay('2026-10-07')).toBe(false)
    expect(isWorkingDay('2026-10-07', calendarOptions({ years: [2026], days: [] }))).toBe(true)
    expect(isWorkingDay('2026-10-07', calendarOptions({ years: [], days: [] }))).toBe(false)
  })

  it('lets HOLIDAY_OVERRIDES win over the saved days', () => {
    const calendar = calendarOptions(stored, { overrides: { '2027-02-20': false } })
    expect(isWorkingDay('2027-02-20', calendar)).toBe(false)
  })

  it('warns of the years of the next 60 days nobody confirmed', () => {
    expect(calendarWarnings('2026-12-01T10:00:00+08:00', [])).toEqual([
      expect.objectContaining({ year: 2026, kind: 'unconfirmed' }),
      expect.objectContaining({ year: 2027, kind: 'missing' }),
    ])
    expect(calendarWarnings('2026-12-01T10:00:00+08:00', [2026, 2027])).toEqual([])
    // In early November the next 60 days stay in the year.
    expect(calendarWarnings('2026-10-01T10:00:00+08:00', [2026])).toEqual([])
    expect(calendarWarnings('2026-11-05T10:00:00+08:00', [2026]).map((w) => w.year)).toEqual([2027])
  })
})
