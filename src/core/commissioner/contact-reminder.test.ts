import { contactCadence } from './commissioner.schema'
import { contactReminderWindow } from './contact-reminder'

const at = (iso: string) => new Date(iso)

describe('contactReminderWindow', () => {
  const lastContact = '2026-10-01T10:00:00+08:00' // due again by the end of 8 October (Shanghai)

  const windowOn = (now: string) => contactReminderWindow(contactCadence({ lastContactAt: lastContact }, at(now)), at(now))

  it('is null while contact is not overdue, up to the last minute of the due day', () => {
    expect(windowOn('2026-10-05T09:00:00+08:00')).toBeNull()
    expect(windowOn('2026-10-08T23:59:00+08:00')).toBeNull()
  })

  it('is the same key for the first seven overdue days, then the next one for the seven after', () => {
    expect(windowOn('2026-10-09T00:00:00+08:00')).toBe('2026-10-08+0')
    expect(windowOn('2026-10-15T23:00:00+08:00')).toBe('2026-10-08+0')
    expect(windowOn('2026-10-16T00:30:00+08:00')).toBe('2026-10-08+1')
    expect(windowOn('2026-10-22T12:00:00+08:00')).toBe('2026-10-08+1')
    expect(windowOn('2026-10-23T08:00:00+08:00')).toBe('2026-10-08+2')
  })

  it('starts over from the new due date once a contact is logged', () => {
    const now = at('2026-10-30T10:00:00+08:00')
    const cadence = contactCadence({ lastContactAt: '2026-10-20T10:00:00+08:00' }, now)
    expect(contactReminderWindow(cadence, now)).toBe('2026-10-27+0')
  })

  it('counts a holder never contacted from the assignment day', () => {
    const now = at('2026-10-12T10:00:00+08:00')
    const cadence = contactCadence({ lastContactAt: null, assignedAt: '2026-10-01T08:00:00+08:00' }, now)
    expect(contactReminderWindow(cadence, now)).toBe('2026-10-08+0')
  })

  it('still gives one key per week when there is no date to count from', () => {
    const cadence = contactCadence({ lastContactAt: null, assignedAt: null }, at('2026-10-12T10:00:00+08:00'))
    const monday = contactReminderWindow(cadence, at('2026-10-12T10:00:00+08:00'))
    expect(monday).toMatch(/^none\+\d+$/)
    expect(contactReminderWindow(cadence, at('2026-10-26T10:00:00+08:00'))).not.toBe(monday)
  })
})
