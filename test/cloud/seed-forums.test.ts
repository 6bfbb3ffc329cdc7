import { nextMonthsForumDay } from '../../cloud/db/seed-forums'

describe('the demo forum’s day', () => {
  it('is the second Thursday of the next month, from any day of this one', () => {
    expect(nextMonthsForumDay('2026-12-01')).toBe('2027-01-14')
    expect(nextMonthsForumDay('2026-12-31')).toBe('2027-01-14')
    expect(nextMonthsForumDay('2026-01-31')).toBe('2026-02-12')
    expect(nextMonthsForumDay('2026-09-30')).toBe('2026-10-08')
  })
})
