import type { Role } from '../auth/roles'
import {
  decideHomeVisit,
  HOME_VISIT_ACTIONS,
  HOME_VISIT_STATUSES,
  type HomeVisitAction,
  type HomeVisitActor,
  type HomeVisitSituation,
  type HomeVisitStatus,
} from './home-visit.machine'

const now = '2026-10-13T10:00:00+08:00'
const situation = (status: HomeVisitStatus, change: Partial<HomeVisitSituation> = {}): HomeVisitSituation => ({
  status,
  now,
  date: '2026-10-15',
  scheduledDate: '2026-10-13',
  ...change,
})

const ACTORS: Record<string, HomeVisitActor> = {
  'holder (own)': { role: 'holder', ownsRequest: true, assignedToVisit: false },
  'holder (other)': { role: 'holder', ownsRequest: false, assignedToVisit: false },
  'staff (assigned)': { role: 'staff', ownsRequest: false, assignedToVisit: true },
  'staff (other)': { role: 'staff', ownsRequest: false, assignedToVisit: false },
  admin: { role: 'admin', ownsRequest: false, assignedToVisit: false },
  ...Object.fromEntries((['handler', 'commissioner', 'leader'] as Role[]).map((role) => [role, { role, ownsRequest: true, assignedToVisit: true }])),
}

const everything = { schedule: { requested: 'scheduled' }, reschedule: { scheduled: 'scheduled' }, complete: { scheduled: 'done' } } as const
const ALLOWED: Record<string, Partial<Record<HomeVisitAction, Partial<Record<HomeVisitStatus, HomeVisitStatus>>>>> = {
  'holder (own)': { cancel: { requested: 'cancelled', scheduled: 'cancelled' } },
  'staff (assigned)': everything,
  'staff (other)': { schedule: { requested: 'scheduled' } },
  admin: { ...everything, cancel: { requested: 'cancelled', scheduled: 'cancelled' } },
}

const cases = Object.keys(ACTORS).flatMap((actor) =>
  HOME_VISIT_ACTIONS.flatMap((action) => HOME_VISIT_STATUSES.map((status) => [actor, action, status] as const)),
)

describe('home-visit machine: every actor × action × status', () => {
  it('has 8 actors × 4 actions × 4 statuses', () => {
    expect(cases).toHaveLength(128)
  })

  it.each(cases)('%s: %s on %s', (actor, action, status) => {
    const result = decideHomeVisit(action, ACTORS[actor], situation(status))
    const allowedHere = ALLOWED[actor]?.[action]
    const expected = allowedHere?.[status]
    if (expected) expect(result).toEqual({ ok: true, data: expected })
    else if (!allowedHere) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    else expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: expect.stringMatching(/^上门申请当前为「.+」，不能.+$/) } })
  })
})

describe('home-visit machine: dates (Asia/Shanghai days)', () => {
  const staff = ACTORS['staff (assigned)']

  it('schedules today or later, never in the past', () => {
    expect(decideHomeVisit('schedule', staff, situation('requested', { date: '2026-10-13' })).ok).toBe(true)
    expect(decideHomeVisit('schedule', staff, situation('requested', { date: '2026-10-12' }))).toMatchObject({ error: { code: 'DATE_IN_PAST' } })
    expect(decideHomeVisit('reschedule', staff, situation('scheduled', { date: '2026-10-12' }))).toMatchObject({ error: { code: 'DATE_IN_PAST' } })
    // 2026-10-12T16:30Z is already 10-13 in Shanghai.
    expect(decideHomeVisit('schedule', staff, situation('requested', { date: '2026-10-12', now: '2026-10-12T15:59:00Z' })).ok).toBe(true)
    expect(decideHomeVisit('schedule', staff, situation('requested', { date: '2026-10-12', now: '2026-10-12T16:30:00Z' })).ok).toBe(false)
  })

  it('needs a date to schedule', () => {
    expect(decideHomeVisit('schedule', staff, situation('requested', { date: undefined }))).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
  })

  it('completes on or after the visit day only', () => {
    expect(decideHomeVisit('complete', staff, situation('scheduled', { scheduledDate: '2026-10-14' }))).toMatchObject({ error: { code: 'VISIT_NOT_DUE' } })
    expect(decideHomeVisit('complete', staff, situation('scheduled', { scheduledDate: '2026-10-10' }))).toEqual({ ok: true, data: 'done' })
    expect(decideHomeVisit('complete', staff, situation('scheduled', { scheduledDate: null }))).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
  })
})
