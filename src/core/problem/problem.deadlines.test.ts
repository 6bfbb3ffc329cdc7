import calendarData from 'chinese-days/dist/chinese-days.json'
import { endOfShanghaiDay } from '../calendar/shanghai-time'
import { PROBLEM_CATEGORIES, DEFAULT_DEADLINE_POLICY, deadlinePolicy, deadlinePolicySchema } from './problem.categories'
import { canSendBack, deadlinesOnAssign, isOverdue, missedDeadlines, nextDeadline, type DeadlineState } from './problem.deadlines'
import { PROBLEM_STATUSES } from './problem.machine'

const endOf = (date: string) => endOfShanghaiDay(date).toISOString()

describe('chinese-days 2026 National Day data the examples rely on', () => {
  it('has 国庆 10-01..10-07 off and the 调休 days 09-20 (Sunday) and 10-10 (Saturday) working', () => {
    const data = calendarData as { holidays: Record<string, string>; workdays: Record<string, string> }
    for (let d = 1; d <= 7; d++) expect(data.holidays[`2026-10-0${d}`]).toMatch(/国庆节/)
    expect(data.holidays['2026-10-08']).toBeUndefined()
    expect(Object.keys(data.workdays).filter((day) => day.startsWith('2026-09') || day.startsWith('2026-10'))).toEqual([
      '2026-09-20',
      '2026-10-10',
    ])
  })
})

describe('deadlinesOnAssign', () => {
  it('assigned the day before National Day: sign-for after the holiday, resolution counts the 调休 Saturday', () => {
    // Wednesday 2026-09-30, 16:00. Working days after it: 10-08 (1), 10-09 (2), 10-10 调休 Saturday (3), 10-12 (4) …
    const { signBy, resolveBy } = deadlinesOnAssign('2026-09-30T16:00:00+08:00', 'policy')
    expect(signBy.toISOString()).toBe(endOf('2026-10-08'))
    expect(signBy.toISOString()).toBe('2026-10-08T15:59:59.999Z')
    expect(resolveBy.toISOString()).toBe(endOf('2026-10-20'))
  })

  it('assigned during the holiday: day 1 is the first working day after it', () => {
    const { signBy, resolveBy } = deadlinesOnAssign('2026-10-03T09:00:00+08:00', 'funding')
    expect(signBy.toISOString()).toBe(endOf('2026-10-08'))
    expect(resolveBy.toISOString()).toBe(endOf('2026-10-20'))
  })

  it('assigned on a Friday evening: sign-for by Monday night, the weekend does not count', () => {
    // Friday 2026-10-16, 19:30 Shanghai (11:30 UTC, still Friday everywhere).
    const { signBy, resolveBy } = deadlinesOnAssign('2026-10-16T19:30:00+08:00', 'labour')
    expect(signBy.toISOString()).toBe(endOf('2026-10-19'))
    expect(resolveBy.toISOString()).toBe(endOf('2026-10-30'))
    // Same as Friday morning: the day of assignment never counts.
    expect(deadlinesOnAssign('2026-10-16T08:00:00+08:00', 'labour')).toEqual({ signBy, resolveBy })
  })

  it('assigned late on Friday 2026-09-18: the next day to sign is the 调休 Sunday 09-20', () => {
    // 23:30 Shanghai is 15:30 UTC, still Friday: the Shanghai day decides, not the UTC one.
    expect(deadlinesOnAssign('2026-09-18T15:30:00Z', 'other').signBy.toISOString()).toBe(endOf('2026-09-20'))
    // 00:30 Saturday Shanghai (Friday 16:30 UTC) is a Saturday receipt: day 1 is still Sunday 09-20.
    expect(deadlinesOnAssign('2026-09-18T16:30:00Z', 'other').signBy.toISOString()).toBe(endOf('2026-09-20'))
  })

  it('uses a category override and a changed sign-for limit', () => {
    const policy = deadlinePolicy({ land: 20, environment: 15 }, 2)
    const at = '2026-09-30T16:00:00+08:00'
    expect(deadlinesOnAssign(at, 'land', policy).resolveBy.toISOString()).toBe(endOf('2026-11-03'))
    expect(deadlinesOnAssign(at, 'environment', policy).resolveBy.toISOString()).toBe(endOf('2026-10-27'))
    expect(deadlinesOnAssign(at, 'policy', policy).resolveBy.toISOString()).toBe(endOf('2026-10-20'))
    expect(deadlinesOnAssign(at, 'land', policy).signBy.toISOString()).toBe(endOf('2026-10-09'))
    // The default is untouched.
    expect(DEFAULT_DEADLINE_POLICY.resolveDays.land).toBe(10)
  })

  it('takes working-day overrides from an official notice', () => {
    const options = { overrides: { '2026-10-08': false } }
    expect(deadlinesOnAssign('2026-09-30T16:00:00+08:00', 'policy', DEFAULT_DEADLINE_POLICY, options).signBy.toISOString()).toBe(
      endOf('2026-10-09'),
    )
  })
})

describe('deadline policy', () => {
  it('defaults to 1 working day to sign and 10 to resolve for every category', () => {
    expect(DEFAULT_DEADLINE_POLICY.signDays).toBe(1)
    for (const category of PROBLEM_CATEGORIES) expect(DEFAULT_DEADLINE_POLICY.resolveDays[category]).toBe(10)
    expect(deadlinePolicySchema.safeParse(DEFAULT_DEADLINE_POLICY).success).toBe(true)
  })

  it('refuses a broken configuration', () => {
    const bad = (change: object) => deadlinePolicySchema.safeParse({ ...DEFAULT_DEADLINE_POLICY, ...change }).success
    expect(bad({ signDays: 0 })).toBe(false)
    expect(bad({ signDays: 1.5 })).toBe(false)
    expect(bad({ resolveDays: { ...DEFAULT_DEADLINE_POLICY.resolveDays, land: 61 } })).toBe(false)
    expect(bad({ resolveDays: { land: 10 } })).toBe(false)
    expect(bad({ resolveDays: { ...DEFAULT_DEADLINE_POLICY.resolveDays, mining: 10 } })).toBe(false)
    const short = deadlinePolicySchema.safeParse({ signDays: 5, resolveDays: { ...DEFAULT_DEADLINE_POLICY.resolveDays, talent: 3 } })
    expect(short.error?.issues[0].message).toBe('「人才」的办结时限不能短于签收时限')
    expect(() => deadlinePolicy({ land: 0 })).toThrow()
  })
})

describe('nextDeadline and isOverdue', () => {
  // Assigned Wednesday 2026-09-30 16:00: sign by 10-08, resolve by 10-20.
  const deadlines = deadlinesOnAssign('2026-09-30T16:00:00+08:00', 'policy')
  const problem = (status: DeadlineState['status']): DeadlineState => ({ status, deadlines })

  it('shows the sign-for deadline while waiting to be signed, then the resolution deadline', () => {
    expect(nextDeadline(problem('assigned'), '2026-10-02T10:00:00+08:00')).toEqual({ kind: 'sign', at: endOf('2026-10-08'), overdue: false })
    expect(nextDeadline(problem('in_progress'), '2026-10-09T10:00:00+08:00')).toEqual({
      kind: 'resolve',
      at: endOf('2026-10-20'),
      overdue: false,
    })
  })

  it('keeps showing a missed sign-for as overdue until signed', () => {
    expect(nextDeadline(problem('assigned'), '2026-10-09T00:00:00+08:00')).toEqual({ kind: 'sign', at: endOf('2026-10-08'), overdue: true })
  })

  it('shows nothing when no department is working on it', () => {
    for (const status of ['submitted', 'answered', 'deferred', 'resolved', 'closed'] as const) {
      expect(nextDeadline(problem(status), '2026-10-09T00:00:00+08:00')).toBeNull()
      expect(isOverdue(problem(status), '2027-01-01T00:00:00+08:00')).toBe(false)
    }
    expect(nextDeadline({ status: 'assigned', deadlines: null }, '2026-10-09T00:00:00+08:00')).toBeNull()
  })

  it('counts the whole last day: overdue only strictly after 23:59:59.999 Shanghai', () => {
    expect(isOverdue(problem('assigned'), '2026-10-08T23:59:59.999+08:00')).toBe(false)
    expect(isOverdue(problem('assigned'), '2026-10-09T00:00:00+08:00')).toBe(true)
    expect(missedDeadlines(problem('assigned'), '2026-10-09T00:00:00+08:00')).toEqual(['sign'])
  })

  it('is not overdue for sign-for once signed, but is for resolution until resolved', () => {
    expect(isOverdue(problem('in_progress'), '2026-10-09T00:00:00+08:00')).toBe(false)
    expect(isOverdue(problem('in_progress'), '2026-10-20T23:59:59+08:00')).toBe(false)
    expect(isOverdue(problem('in_progress'), '2026-10-21T00:00:00+08:00')).toBe(true)
    expect(missedDeadlines(problem('in_progress'), '2026-10-21T00:00:00+08:00')).toEqual(['resolve'])
    expect(isOverdue(problem('resolved'), '2026-10-21T00:00:00+08:00')).toBe(false)
    expect(isOverdue(problem('closed'), '2026-10-21T00:00:00+08:00')).toBe(false)
  })

  it('reports both deadlines missed when never signed', () => {
    expect(missedDeadlines(problem('assigned'), '2026-10-21T00:00:00+08:00')).toEqual(['sign', 'resolve'])
    expect(nextDeadline(problem('assigned'), '2026-10-21T00:00:00+08:00')).toMatchObject({ kind: 'sign', overdue: true })
  })

  it('accepts ISO strings as stored', () => {
    const stored: DeadlineState = { status: 'assigned', deadlines: { signBy: deadlines.signBy.toISOString(), resolveBy: deadlines.resolveBy.toISOString() } }
    expect(isOverdue(stored, new Date('2026-10-09T00:00:00+08:00'))).toBe(true)
  })

  it('covers every status', () => {
    const open = PROBLEM_STATUSES.filter((status) => isOverdue(problem(status), '2026-10-21T00:00:00+08:00'))
    expect(open).toEqual(['assigned', 'in_progress'])
  })
})

describe('canSendBack', () => {
  it('allows sending back until the end of the 2nd working day after assignment, across the holiday', () => {
    const at = '2026-09-30T16:00:00+08:00'
    expect(canSendBack(at, '2026-09-30T17:00:00+08:00')).toBe(true)
    expect(canSendBack(at, '2026-10-05T10:00:00+08:00')).toBe(true)
    expect(canSendBack(at, '2026-10-09T23:59:59.999+08:00')).toBe(true)
    expect(canSendBack(at, '2026-10-10T00:00:00+08:00')).toBe(false)
  })

  it('from a Friday evening: until Tuesday night', () => {
    expect(canSendBack('2026-10-16T19:30:00+08:00', '2026-10-20T23:00:00+08:00')).toBe(true)
    expect(canSendBack('2026-10-16T19:30:00+08:00', '2026-10-21T00:00:01+08:00')).toBe(false)
  })
})
