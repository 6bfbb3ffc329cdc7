import { deadlineReminderDay, deadlineReminderDue } from './policy.deadline'

describe('the application-deadline reminder', () => {
  it('falls on the third working day before the deadline', () => {
    // Monday 19 October 2026 → Wednesday 14 October.
    expect(deadlineReminderDay('2026-10-19', {})).toBe('2026-10-14')
    // Friday 9 October 2026, after National Day (1–7 October off): 8 October, then the holiday is skipped to 30 and
    // 29 September.
    expect(deadlineReminderDay('2026-10-09', {})).toBe('2026-09-29')
    // A confirmed override of the district moves it.
    expect(deadlineReminderDay('2026-10-19', { overrides: { '2026-10-15': false } })).toBe('2026-10-13')
  })

  it('is due from the reminder day until the deadline has ended', () => {
    expect(deadlineReminderDue('2026-10-19', new Date('2026-10-13T15:59:59Z'), {})).toBe(false)
    expect(deadlineReminderDue('2026-10-19', new Date('2026-10-13T16:00:00Z'), {})).toBe(true)
    expect(deadlineReminderDue('2026-10-19', new Date('2026-10-19T15:59:00Z'), {})).toBe(true)
    expect(deadlineReminderDue('2026-10-19', new Date('2026-10-19T16:00:00Z'), {})).toBe(false)
  })
})
