import { endOfShanghaiDay } from '../calendar/shanghai-time'
import { checkContactTime, commissionerSchemas, CONTACT_KIND_LABELS, CONTACT_KINDS, contactCadence } from './commissioner.schema'

const uuid = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const ok = (value: unknown) => commissionerSchemas.logContact.safeParse(value).success

describe('commissioners.assignees', () => {
  it('takes nothing', () => {
    expect(commissionerSchemas.assignees.safeParse({}).success).toBe(true)
    expect(commissionerSchemas.assignees.safeParse({ commissionerId: uuid }).success).toBe(false)
  })
})

describe('commissioners.logContact', () => {
  const input = { holderId: uuid, kind: 'visit', at: '2026-10-08T10:00:00+08:00', note: '走访了解扩产用地需求' }

  it('logs a visit, a call or a meeting with a note', () => {
    expect(commissionerSchemas.logContact.parse({ ...input, note: ' 电话回访 ' }).note).toBe('电话回访')
    for (const kind of CONTACT_KINDS) expect(ok({ ...input, kind })).toBe(true)
    expect(CONTACT_KIND_LABELS).toEqual({ visit: '走访', call: '电话联系', meeting: '座谈会商' })
    expect(ok({ ...input, kind: 'email' })).toBe(false)
    expect(ok({ ...input, idempotencyKey: 'key_12345678' })).toBe(true)
    expect(ok({ ...input, idempotencyKey: 'short' })).toBe(false)
  })

  it('bounds the note to 2–1000 characters', () => {
    expect(ok({ ...input, note: '好' })).toBe(false)
    expect(ok({ ...input, note: '好'.repeat(2) })).toBe(true)
    expect(ok({ ...input, note: '好'.repeat(1000) })).toBe(true)
    expect(ok({ ...input, note: '好'.repeat(1001) })).toBe(false)
  })

  it.each([
    ['2026-10-08T10:00:00+08:00', true],
    ['2026-10-08T02:00:00Z', true],
    ['2026-10-08T02:00Z', true],
    ['2026-10-08T02:00:00.123Z', true],
    ['2026-10-08T10:00:00', false],
    ['2026-10-08', false],
    ['yesterday', false],
    ['2026-13-08T10:00:00+08:00', false],
    ['2026-02-30T10:00:00+08:00', false],
    ['2026-10-08T24:00:00+08:00', false],
    ['2026-10-08T10:60:00+08:00', false],
    ['2026-10-08T10:00:00+25:00', false],
    ['', false],
  ])('takes the time as an ISO instant with its offset: %j → %s', (at, valid) => {
    expect(ok({ ...input, at })).toBe(valid)
  })

  it('requires every field and refuses others', () => {
    for (const field of ['holderId', 'kind', 'at', 'note']) {
      const { [field as keyof typeof input]: _, ...rest } = input
      expect([field, ok(rest)]).toEqual([field, false])
    }
    expect(ok({ ...input, holderId: 'holder-demo' })).toBe(false)
    expect(ok({ ...input, commissionerId: uuid })).toBe(false)
  })

  it('refuses a contact in the future, allowing 5 minutes of clock skew', () => {
    const now = '2026-10-08T10:00:00+08:00'
    expect(checkContactTime('2026-10-01T10:00:00+08:00', now)).toEqual({ ok: true, data: null })
    expect(checkContactTime('2026-10-08T10:05:00+08:00', now).ok).toBe(true)
    expect(checkContactTime('2026-10-08T10:05:00.001+08:00', now)).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '联系时间不能晚于当前时间' },
    })
    expect(checkContactTime('2026-10-09T09:00:00+08:00', now).ok).toBe(false)
  })
})

describe('contactCadence', () => {
  it('is due again by the end of the 7th day after the last contact, weekends and holidays included', () => {
    // Contact on Wednesday 2026-09-30 (before National Day): due by the end of 2026-10-07, in the holiday.
    const holder = { lastContactAt: '2026-09-30T15:00:00+08:00' }
    const due = endOfShanghaiDay('2026-10-07').toISOString()
    expect(contactCadence(holder, '2026-10-03T10:00:00+08:00')).toEqual({ dueBy: due, overdue: false, daysSinceContact: 3 })
    expect(contactCadence(holder, '2026-10-07T23:59:59.999+08:00')).toEqual({ dueBy: due, overdue: false, daysSinceContact: 7 })
    expect(contactCadence(holder, '2026-10-08T00:00:00+08:00')).toEqual({ dueBy: due, overdue: true, daysSinceContact: 8 })
  })

  it('counts Shanghai calendar days, not UTC ones', () => {
    // 2026-09-30 23:30 Shanghai is 15:30 UTC the same day; 2026-10-01 00:30 Shanghai is still 09-30 in UTC.
    expect(contactCadence({ lastContactAt: '2026-09-30T16:30:00Z' }, '2026-10-08T12:00:00+08:00')).toMatchObject({
      dueBy: endOfShanghaiDay('2026-10-08').toISOString(),
      overdue: false,
      daysSinceContact: 7,
    })
  })

  it('counts from the assignment when never contacted, and is overdue at once when neither is known', () => {
    const assigned = { lastContactAt: null, assignedAt: '2026-10-08T09:00:00+08:00' }
    expect(contactCadence(assigned, '2026-10-10T09:00:00+08:00')).toEqual({
      dueBy: endOfShanghaiDay('2026-10-15').toISOString(),
      overdue: false,
      daysSinceContact: null,
    })
    expect(contactCadence(assigned, '2026-10-16T00:00:00+08:00').overdue).toBe(true)
    expect(contactCadence({ lastContactAt: null }, '2026-10-10T09:00:00+08:00')).toEqual({ dueBy: null, overdue: true, daysSinceContact: null })
  })

  it('prefers the last contact over the assignment and takes another cadence', () => {
    const holder = { lastContactAt: '2026-10-12T09:00:00+08:00', assignedAt: '2026-09-01T09:00:00+08:00' }
    expect(contactCadence(holder, '2026-10-13T09:00:00+08:00').overdue).toBe(false)
    expect(contactCadence(holder, '2026-10-15T09:00:00+08:00', 2)).toMatchObject({ overdue: true, daysSinceContact: 3 })
  })

  it('never reports negative days for a contact logged slightly ahead of the clock', () => {
    expect(contactCadence({ lastContactAt: '2026-10-09T00:02:00+08:00' }, '2026-10-08T23:59:00+08:00').daysSinceContact).toBe(0)
  })
})
