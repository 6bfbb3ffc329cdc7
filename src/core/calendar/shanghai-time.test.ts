import {
  addDays,
  compareDates,
  daysBetween,
  endOfShanghaiDay,
  isIsoDate,
  isoWeekday,
  isWallTime,
  minutesOfDay,
  shanghaiDate,
  shanghaiInstant,
  shanghaiWallTime,
  startOfShanghaiDay,
  toInstant,
  toShanghaiDate,
} from './shanghai-time'

describe('Asia/Shanghai dates and times', () => {
  it('validates real calendar dates only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true)
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2026-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-01')).toBe(false)
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false)
  })

  it('accepts years 1900–2199 only, so that a day, week or month after a valid date is still a date', () => {
    expect(['1900-01-01', '2199-12-31'].every(isIsoDate)).toBe(true)
    // 0000–0099 are read as 19xx by Date.UTC; a day after 9999-12-31 is no longer 'YYYY-MM-DD' (both answered 500).
    expect(['1899-12-31', '2200-01-01', '0000-01-01', '0100-01-01', '9999-12-31'].some(isIsoDate)).toBe(false)
  })

  it('validates HH:mm wall times', () => {
    expect(['00:00', '09:30', '23:59'].every(isWallTime)).toBe(true)
    expect(['24:00', '9:30', '09:60', '09:30:00', ''].some(isWallTime)).toBe(false)
    expect(minutesOfDay('09:30')).toBe(570)
    expect(() => minutesOfDay('9:30')).toThrow(RangeError)
  })

  it('turns a Shanghai wall time into the instant 8 hours earlier in UTC', () => {
    expect(shanghaiInstant('2026-10-13', '09:00').toISOString()).toBe('2026-10-13T01:00:00.000Z')
    expect(shanghaiInstant('2026-10-13', '07:30').toISOString()).toBe('2026-10-12T23:30:00.000Z')
    expect(startOfShanghaiDay('2026-10-13').toISOString()).toBe('2026-10-12T16:00:00.000Z')
    expect(endOfShanghaiDay('2026-10-13').toISOString()).toBe('2026-10-13T15:59:59.999Z')
  })

  it('finds the Shanghai date of an instant', () => {
    expect(shanghaiDate('2026-10-12T15:59:59.999Z')).toBe('2026-10-12')
    expect(shanghaiDate('2026-10-12T16:00:00Z')).toBe('2026-10-13')
    expect(shanghaiDate('2026-10-13T00:00:00+08:00')).toBe('2026-10-13')
    expect(shanghaiDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01')
    expect(toShanghaiDate('2026-10-13')).toBe('2026-10-13')
  })

  it('refuses instants without an offset, which would be read in the machine TZ', () => {
    expect(() => toInstant('2026-10-13T09:00')).toThrow(RangeError)
    expect(() => toInstant('2026-10-13 09:00+08:00')).toThrow(RangeError)
    expect(() => toShanghaiDate('2026-02-30')).toThrow(RangeError)
    expect(toInstant('2026-10-13T09:00+08:00').toISOString()).toBe('2026-10-13T01:00:00.000Z')
  })

  it('does date arithmetic across months, years and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysBetween('2026-09-30', '2026-10-08')).toBe(8)
    expect(daysBetween('2026-10-08', '2026-09-30')).toBe(-8)
    expect(compareDates('2026-10-08', '2026-09-30')).toBe(1)
    expect(compareDates('2026-09-30', '2026-10-08')).toBe(-1)
    expect(compareDates('2026-09-30', '2026-09-30')).toBe(0)
  })

  it('numbers weekdays 1 (Monday) … 7 (Sunday)', () => {
    expect(isoWeekday('2026-10-12')).toBe(1)
    expect(isoWeekday('2026-10-13')).toBe(2)
    expect(isoWeekday('2026-10-10')).toBe(6)
    expect(isoWeekday('2026-10-11')).toBe(7)
    expect(isoWeekday('1969-12-31')).toBe(3)
  })
})

describe('shanghaiWallTime', () => {
  it('reads the Shanghai clock of an instant, across the UTC date line', () => {
    expect(shanghaiWallTime('2026-11-22T01:30:00Z')).toBe('09:30')
    expect(shanghaiWallTime('2026-11-22T16:05:00Z')).toBe('00:05')
  })
})
