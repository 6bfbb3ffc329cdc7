import { isWorkday } from 'chinese-days'
import { addDays, endOfShanghaiDay } from './shanghai-time'
import {
  addWorkingDays,
  HOLIDAY_DATA_YEARS,
  holidayDataCovers,
  holidayName,
  isWorkingDay,
  nextWorkingDay,
  nthWorkingDayAfter,
  workingDaysBetween,
} from './working-days'

/** Deadline of something received at `received` (an instant with offset), as the Shanghai date it ends on. */
const deadlineDay = (received: string, n: number) => {
  const deadline = addWorkingDays(received, n)
  // Every deadline is the last millisecond of a Shanghai day: 15:59:59.999 UTC.
  expect(deadline.toISOString().slice(10)).toBe('T15:59:59.999Z')
  return deadline.toISOString().slice(0, 10)
}

// The machine's TZ must not matter (cloud functions run in UTC, a laptop anywhere). Jest hands tests a copy of
// process.env, so a test cannot switch zones itself: run this file under TZ=UTC, TZ=America/New_York and
// TZ=Asia/Shanghai (all pass). The code only uses UTC arithmetic with a fixed +08:00 offset.
describe('working days', () => {
  describe('isWorkingDay', () => {
    it.each([
      ['2026-03-09', true, 'an ordinary Monday'],
      ['2026-03-13', true, 'an ordinary Friday'],
      ['2026-03-14', false, 'an ordinary Saturday'],
      ['2026-03-15', false, 'an ordinary Sunday'],
      ['2026-10-01', false, '国庆节'],
      ['2026-10-07', false, 'last day of 国庆节'],
      ['2026-10-08', true, 'first working day after 国庆节'],
      ['2026-09-20', true, '调休 Sunday before 国庆节'],
      ['2026-10-10', true, '调休 Saturday after 国庆节'],
      ['2026-09-25', false, '中秋节 (a Friday)'],
      ['2026-02-14', true, '调休 Saturday before 春节'],
      ['2026-02-16', false, '春节 Monday'],
      ['2026-02-23', false, 'last day of 春节 (a Monday)'],
      ['2026-02-24', true, 'first working day after 春节'],
      ['2026-02-28', true, '调休 Saturday after 春节'],
      ['2026-01-01', false, '元旦'],
      ['2026-01-04', true, '调休 Sunday after 元旦'],
      ['2025-10-08', false, '国庆节 2025 (eight days)'],
      ['2025-10-11', true, '调休 Saturday after 国庆节 2025'],
      ['2025-09-28', true, '调休 Sunday before 国庆节 2025'],
    ])('%s is %s (%s)', (date, expected) => {
      expect(isWorkingDay(date)).toBe(expected)
    })

    it('takes an instant as its Shanghai date, not its UTC date', () => {
      // 2026-10-08 00:30 in Shanghai is still 2026-10-07 in UTC.
      expect(isWorkingDay('2026-10-07T16:30:00Z')).toBe(true)
      expect(isWorkingDay('2026-10-07T15:59:59.999Z')).toBe(false)
      expect(isWorkingDay(new Date('2026-10-08T00:30:00+08:00'))).toBe(true)
    })
  })

  describe('addWorkingDays (deadline = end of the n-th working day after the day received)', () => {
    it('counts an ordinary week', () => {
      expect(deadlineDay('2026-03-10T10:00:00+08:00', 1)).toBe('2026-03-11')
      expect(deadlineDay('2026-03-10T10:00:00+08:00', 3)).toBe('2026-03-13')
      expect(addWorkingDays('2026-03-10T10:00:00+08:00', 1).toISOString()).toBe('2026-03-11T15:59:59.999Z')
    })

    it('does not count the day received, whatever the hour', () => {
      expect(deadlineDay('2026-03-10T00:00:00+08:00', 1)).toBe('2026-03-11')
      expect(deadlineDay('2026-03-10T23:59:59+08:00', 1)).toBe('2026-03-11')
    })

    it('skips a weekend', () => {
      expect(deadlineDay('2026-03-12T09:00:00+08:00', 2)).toBe('2026-03-16')
      expect(deadlineDay('2026-03-13T17:00:00+08:00', 1)).toBe('2026-03-16')
      expect(deadlineDay('2026-03-10T09:00:00+08:00', 10)).toBe('2026-03-24')
    })

    it('counts from the next working day when received on a day off: Saturday behaves like late Friday', () => {
      expect(deadlineDay('2026-03-14T10:00:00+08:00', 1)).toBe('2026-03-16')
      expect(deadlineDay('2026-03-15T23:00:00+08:00', 1)).toBe('2026-03-16')
      expect(deadlineDay('2026-03-14T10:00:00+08:00', 10)).toBe(deadlineDay('2026-03-13T23:00:00+08:00', 10))
    })

    it('uses the Shanghai day at midnight, not the UTC day', () => {
      // Thursday 23:59 in Shanghai → Friday; Friday 00:00 in Shanghai (Thursday 16:00 UTC) → Monday.
      expect(deadlineDay('2026-03-12T15:59:59Z', 1)).toBe('2026-03-13')
      expect(deadlineDay('2026-03-12T16:00:00Z', 1)).toBe('2026-03-16')
    })

    it('submitted the day before National Day 2026 (国庆 10-01…10-07, 调休 Saturday 10-10)', () => {
      const received = '2026-09-30T16:00:00+08:00'
      expect(deadlineDay(received, 1)).toBe('2026-10-08')
      expect(addWorkingDays(received, 1).toISOString()).toBe('2026-10-08T15:59:59.999Z')
      // 10-08, 10-09, 10-10 (调休 Saturday), 10-12 … 10-16, 10-19, 10-20.
      expect(deadlineDay(received, 3)).toBe('2026-10-10')
      expect(deadlineDay(received, 4)).toBe('2026-10-12')
      expect(deadlineDay(received, 10)).toBe('2026-10-20')
      expect(addWorkingDays(received, 10).toISOString()).toBe('2026-10-20T15:59:59.999Z')
      expect(deadlineDay(received, 15)).toBe('2026-10-27')
    })

    it('submitted during the National Day holiday counts from 10-08', () => {
      expect(deadlineDay('2026-10-03T11:00:00+08:00', 1)).toBe('2026-10-08')
      expect(deadlineDay('2026-10-07T23:59:00+08:00', 10)).toBe('2026-10-20')
    })

    it('skips 中秋节 2026 (Friday 09-25 … Sunday 09-27)', () => {
      expect(deadlineDay('2026-09-24T10:00:00+08:00', 1)).toBe('2026-09-28')
      expect(deadlineDay('2026-09-24T10:00:00+08:00', 4)).toBe('2026-10-08')
    })

    it('counts a 调休 make-up weekend day as a working day', () => {
      expect(deadlineDay('2026-10-09T10:00:00+08:00', 1)).toBe('2026-10-10')
      expect(deadlineDay('2026-09-18T10:00:00+08:00', 1)).toBe('2026-09-20')
      // Received on the make-up Saturday itself: that day does not count, like any other day received.
      expect(deadlineDay('2026-10-10T10:00:00+08:00', 1)).toBe('2026-10-12')
    })

    it('Spring Festival 2026 (春节 02-15…02-23, 调休 Saturdays 02-14 and 02-28)', () => {
      expect(deadlineDay('2026-02-13T10:00:00+08:00', 1)).toBe('2026-02-14')
      expect(deadlineDay('2026-02-13T10:00:00+08:00', 2)).toBe('2026-02-24')
      expect(deadlineDay('2026-02-16T10:00:00+08:00', 1)).toBe('2026-02-24')
      expect(deadlineDay('2026-02-16T10:00:00+08:00', 5)).toBe('2026-02-28')
      // 02-24…02-27 are 1…4, the make-up Saturday 02-28 is 5, then 03-02…03-06.
      expect(deadlineDay('2026-02-16T10:00:00+08:00', 10)).toBe('2026-03-06')
    })

    it('n = 0 is the same working day, or the next one when received on a day off', () => {
      expect(deadlineDay('2026-03-10T10:00:00+08:00', 0)).toBe('2026-03-10')
      expect(deadlineDay('2026-03-14T10:00:00+08:00', 0)).toBe('2026-03-16')
      expect(deadlineDay('2026-10-01T10:00:00+08:00', 0)).toBe('2026-10-08')
    })

    it('never moves a deadline earlier when received later', () => {
      let previous = ''
      for (let hour = 0; hour < 24 * 30; hour += 5) {
        const received = new Date(Date.UTC(2026, 8, 15) + hour * 3_600_000)
        const day = addWorkingDays(received, 1).toISOString()
        expect(day >= previous).toBe(true)
        previous = day
      }
    })

    it('accepts Date objects and date strings', () => {
      expect(addWorkingDays(new Date('2026-09-30T08:00:00Z'), 1)).toEqual(endOfShanghaiDay('2026-10-08'))
      expect(addWorkingDays('2026-09-30', 1)).toEqual(endOfShanghaiDay('2026-10-08'))
    })

    it('throws on a bad count or an ambiguous instant (bugs, not user errors)', () => {
      expect(() => addWorkingDays('2026-03-10T10:00:00+08:00', -1)).toThrow(RangeError)
      expect(() => addWorkingDays('2026-03-10T10:00:00+08:00', 1.5)).toThrow(RangeError)
      expect(() => addWorkingDays('2026-03-10T10:00:00', 1)).toThrow(RangeError)
      expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError)
      expect(() => addWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError)
    })
  })

  describe('nextWorkingDay and nthWorkingDayAfter', () => {
    it.each([
      ['2026-03-10', '2026-03-11'],
      ['2026-03-13', '2026-03-16'],
      ['2026-09-30', '2026-10-08'],
      ['2026-10-09', '2026-10-10'],
      ['2026-02-14', '2026-02-24'],
      ['2025-12-31', '2026-01-04'],
    ])('after %s comes %s', (date, next) => {
      expect(nextWorkingDay(date)).toBe(next)
    })

    it('agrees with addWorkingDays', () => {
      expect(nthWorkingDayAfter('2026-09-30', 10)).toBe('2026-10-20')
      expect(nthWorkingDayAfter('2026-10-01', 0)).toBe('2026-10-08')
    })
  })

  describe('workingDaysBetween (working days in (a, b])', () => {
    it('counts ordinary days and weekends', () => {
      expect(workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0)
      expect(workingDaysBetween('2026-03-10', '2026-03-11')).toBe(1)
      expect(workingDaysBetween('2026-03-13', '2026-03-16')).toBe(1)
      expect(workingDaysBetween('2026-03-09', '2026-03-16')).toBe(5)
    })

    it('is negative backwards', () => {
      expect(workingDaysBetween('2026-03-16', '2026-03-09')).toBe(-5)
    })

    it('counts the National Day week and its make-up days', () => {
      // (09-19, 10-10]: 09-20 (调休 Sunday), 09-21…09-24, 09-28…09-30, 10-08, 10-09, 10-10 (调休 Saturday).
      expect(workingDaysBetween('2026-09-19', '2026-10-10')).toBe(11)
      expect(workingDaysBetween('2026-09-30', '2026-10-07')).toBe(0)
    })

    it('is the inverse of addWorkingDays', () => {
      for (const received of ['2026-09-30T16:00:00+08:00', '2026-02-12T09:00:00+08:00', '2026-03-14T09:00:00+08:00']) {
        for (const n of [1, 2, 5, 10, 15]) {
          expect(workingDaysBetween(received, addWorkingDays(received, n))).toBe(n)
        }
      }
    })
  })
})

describe('years without holiday data', () => {
  it('covers 2025 and 2026', () => {
    expect(holidayDataCovers('2025-06-01')).toBe(true)
    expect(holidayDataCovers('2026-12-31')).toBe(true)
  })

  it('knows 2027 is not published in chinese-days yet, and falls back to Monday–Friday', () => {
    // 春节 2027 is on Saturday 02-06; its arrangement is not in the data, so the week after counts as working days.
    expect(holidayDataCovers('2027-02-08')).toBe(false)
    expect(isWorkingDay('2027-02-08')).toBe(true)
    expect(isWorkingDay('2027-02-06')).toBe(false)
    expect(holidayName('2027-02-08')).toBeNull()
    // The Shanghai day decides the year: 2026-12-31T16:00Z is already 2027 in Shanghai.
    expect(holidayDataCovers('2026-12-31T16:00:00Z')).toBe(false)
  })

  it('takes days from the official notice through overrides until the package catches up (Spring Festival 2027)', () => {
    // Illustrative arrangement only (the real one comes from the State Council notice): 02-06…02-14 off, 02-20 worked.
    const overrides: Record<string, boolean> = { '2027-02-20': true }
    for (let d = 6; d <= 14; d++) overrides[`2027-02-${String(d).padStart(2, '0')}`] = false
    const received = '2027-02-05T10:00:00+08:00'
    expect(addWorkingDays(received, 1).toISOString()).toBe('2027-02-08T15:59:59.999Z')
    expect(addWorkingDays(received, 1, { overrides }).toISOString()).toBe('2027-02-15T15:59:59.999Z')
    // 02-15…02-19 are 1…5, the make-up Saturday 02-20 is 6.
    expect(nthWorkingDayAfter(received, 6, { overrides })).toBe('2027-02-20')
    expect(workingDaysBetween('2027-02-05', '2027-02-20', { overrides })).toBe(6)
  })

  it('lets an override win over the data too', () => {
    expect(isWorkingDay('2026-10-10', { overrides: { '2026-10-10': false } })).toBe(false)
    expect(nextWorkingDay('2026-10-09', { overrides: { '2026-10-10': false } })).toBe('2026-10-12')
  })
})

describe('holidayName', () => {
  it('names holidays and make-up days from the data', () => {
    expect(holidayName('2026-10-01')).toBe('国庆节')
    expect(holidayName('2026-10-10')).toBe('国庆节')
    expect(holidayName('2026-09-25')).toBe('中秋')
    expect(holidayName('2026-02-16')).toBe('春节')
    expect(holidayName('2026-03-10')).toBeNull()
    expect(holidayName('2026-03-14')).toBeNull()
  })
})

describe('holiday data', () => {
  it('spans the years of the installed chinese-days, 2025 and 2026 included', () => {
    expect(HOLIDAY_DATA_YEARS.first).toBeLessThanOrEqual(2025)
    expect(HOLIDAY_DATA_YEARS.last).toBeGreaterThanOrEqual(2026)
  })

  // chinese-days' functions are only right at or east of Greenwich (see working-days.ts), so compare only there.
  const libraryIsRightHere = new Date(2026, 0, 1).getTimezoneOffset() <= 0
  ;(libraryIsRightHere ? it : it.skip)("agrees day by day with chinese-days' own isWorkday for 2025–2026", () => {
    const mismatches: string[] = []
    for (let day = '2025-01-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
      const [y, m, d] = day.split('-').map(Number)
      if (isWorkday(new Date(y, m - 1, d)) !== isWorkingDay(day)) mismatches.push(day)
    }
    expect(mismatches).toEqual([])
  })
})
