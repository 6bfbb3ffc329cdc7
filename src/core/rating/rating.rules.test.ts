import { ROLES, type Role } from '../auth/roles'
import { shanghaiDate } from '../calendar/shanghai-time'
import { ERRORS } from '../errors'
import { PROBLEM_STATUSES, type ProblemStatus } from '../problem/problem.machine'
import { APPEAL_STATUSES, RECTIFICATION_STATUSES, type AppealStatus, type RectificationStatus } from './rating.levels'
import {
  availableRatingActions,
  decideAppeal,
  decideAppealDecision,
  decideFollowUp,
  decideSubmit,
  isServed,
  RATING_ACTION_LABELS,
  RATING_ACTIONS,
  type RatingActor,
  type RatingState,
  type SubmitSituation,
} from './rating.rules'

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? null : result.error!.code)

const holder: RatingActor = { role: 'holder', isHolder: true, inDepartment: false }
const handler: RatingActor = { role: 'handler', isHolder: false, inDepartment: true }
const admin: RatingActor = { role: 'admin', isHolder: false, inDepartment: false }

const good = { attitude: 5, quality: 4, effectiveness: 4 }
const poor = { attitude: 4, quality: 2, effectiveness: 3 }
const now = '2026-09-30T10:00:00+08:00'

const visit = { targetType: 'visit' as const, checkedInAt: '2026-09-30T09:10:00+08:00' }
const submit = (change: Partial<SubmitSituation> = {}) =>
  decideSubmit({ actor: holder, target: visit, initialExists: false, scores: good, now, ...change })

describe('served', () => {
  it('is a checked-in visit', () => {
    expect(isServed(visit)).toBe(true)
    expect(isServed({ targetType: 'visit', checkedInAt: null })).toBe(false)
  })

  it.each(PROBLEM_STATUSES.map((status) => [status, ['answered', 'resolved', 'closed'].includes(status)] as const))(
    'a problem %s: %s',
    (status, served) => {
      expect(isServed({ targetType: 'problem', status })).toBe(served)
    },
  )
})

describe('decideSubmit', () => {
  it('lets the holder served rate once; a good rating opens nothing', () => {
    expect(submit()).toEqual({ ok: true, data: { kind: 'initial', bad: false, month: '2026-09', rectification: null } })
  })

  it('opens a rectification for a bad rating, with deadlines from the submission', () => {
    const result = submit({ scores: poor })
    expect(result.ok && result.data.bad).toBe(true)
    const task = result.ok ? result.data.rectification : null
    expect(task?.status).toBe('open')
    expect(shanghaiDate(task!.returnVisitBy)).toBe('2026-10-08')
    expect(shanghaiDate(task!.rectifyBy)).toBe('2026-10-27')
  })

  it.each([
    [{ attitude: 3, quality: 3, effectiveness: 3 }, false],
    [{ attitude: 5, quality: 5, effectiveness: 2 }, true],
    [{ attitude: 1, quality: 5, effectiveness: 5 }, true],
  ])('classifies %o as bad: %s (2 is bad, 3 is not)', (scores, bad) => {
    const result = submit({ scores })
    expect(result.ok && result.data.bad).toBe(bad)
    expect(result.ok && result.data.rectification !== null).toBe(bad)
  })

  it('counts the rating in the Beijing month of its submission', () => {
    expect(submit({ now: '2026-09-30T23:30:00Z' })).toMatchObject({ data: { month: '2026-10' } })
  })

  it.each<[Role, boolean]>([
    ...ROLES.filter((role) => role !== 'holder').map((role) => [role, true] as [Role, boolean]),
    ['holder', false],
  ])('refuses %s (holder of the target: %s): staff cannot rate for the holder', (role, isHolder) => {
    expect(submit({ actor: { role, isHolder } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses before service', () => {
    expect(code(submit({ target: { targetType: 'visit', checkedInAt: null } }))).toBe('NOT_SERVED_YET')
    for (const status of ['submitted', 'deferred', 'assigned', 'in_progress'] as ProblemStatus[]) {
      expect(code(submit({ target: { targetType: 'problem', status } }))).toBe('NOT_SERVED_YET')
    }
    expect(code(submit({ target: { targetType: 'problem', status: 'answered' } }))).toBeNull()
    expect(code(submit({ target: { targetType: 'problem', status: 'resolved' } }))).toBeNull()
    expect(code(submit({ target: { targetType: 'problem', status: 'closed' } }))).toBeNull()
    expect(submit({ target: { targetType: 'problem', status: 'assigned' } })).toMatchObject({ error: { message: '服务完成后才能评价' } })
  })

  it('refuses a second rating, even of a problem reopened since (一事一评)', () => {
    expect(submit({ initialExists: true })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED', message: '您已评价过，不能重复评价' } })
    expect(code(submit({ initialExists: true, target: { targetType: 'problem', status: 'assigned' } }))).toBe('ALREADY_RATED')
    // Permission first: a stranger learns nothing about the target.
    expect(code(submit({ initialExists: true, actor: { role: 'staff', isHolder: false } }))).toBe('FORBIDDEN')
  })

  it('throws on levels that escaped validation (a bug)', () => {
    expect(() => submit({ scores: { attitude: 0, quality: 3, effectiveness: 3 } })).toThrow(RangeError)
    expect(() => submit({ scores: { attitude: 3, quality: 3.5, effectiveness: 3 } })).toThrow(RangeError)
  })
})

const rating = (change: Partial<RatingState> = {}): RatingState => ({
  kind: 'initial',
  bad: true,
  appealStatus: 'none',
  rectificationStatus: 'rectified',
  followUpExists: false,
  ...change,
})

describe('decideFollowUp', () => {
  const followUp = (state: RatingState, actor = holder, scores = good) => decideFollowUp({ actor, rating: state, scores, now: '2026-10-21T09:00:00+08:00' })

  it('lets the holder follow up a rectified bad rating once, opening no rectification even when bad again', () => {
    expect(followUp(rating())).toEqual({ ok: true, data: { kind: 'followUp', bad: false, month: '2026-10', rectification: null } })
    expect(followUp(rating(), holder, poor)).toEqual({ ok: true, data: { kind: 'followUp', bad: true, month: '2026-10', rectification: null } })
  })

  it('refuses anyone but the holder who rated', () => {
    for (const role of ROLES) {
      const result = followUp(rating(), { role, isHolder: role !== 'holder', inDepartment: true })
      expect(code(result)).toBe('FORBIDDEN')
    }
  })

  it.each<[RectificationStatus | null, string | null]>([
    ['open', 'FOLLOW_UP_NOT_ALLOWED'],
    ['visited', 'FOLLOW_UP_NOT_ALLOWED'],
    ['rectified', null],
    ['withdrawn', 'FOLLOW_UP_NOT_ALLOWED'],
    [null, 'FOLLOW_UP_NOT_ALLOWED'],
  ])('rectification %s → %s', (rectificationStatus, expected) => {
    expect(code(followUp(rating({ rectificationStatus })))).toBe(expected)
  })

  it.each<[AppealStatus, string | null]>([
    ['none', null],
    ['pending', null],
    ['upheld', null],
    ['removed', 'FOLLOW_UP_NOT_ALLOWED'],
  ])('appeal %s → %s', (appealStatus, expected) => {
    expect(code(followUp(rating({ appealStatus })))).toBe(expected)
  })

  it('refuses a good rating, a follow-up of a follow-up and a second follow-up, saying why', () => {
    expect(followUp(rating({ bad: false, rectificationStatus: null }))).toMatchObject({ error: { code: 'FOLLOW_UP_NOT_ALLOWED', message: '只有差评经整改后才能追评' } })
    expect(followUp(rating({ kind: 'followUp', rectificationStatus: null }))).toMatchObject({ error: { code: 'FOLLOW_UP_NOT_ALLOWED', message: '只能对首次评价追评' } })
    expect(followUp(rating({ followUpExists: true }))).toMatchObject({ error: { code: 'ALREADY_RATED', message: '您已追评过，不能重复追评' } })
    expect(followUp(rating({ rectificationStatus: 'visited' }))).toMatchObject({ error: { message: '部门整改反馈后才能追评' } })
    expect(followUp(rating({ appealStatus: 'removed' }))).toMatchObject({ error: { message: '该评价已申诉核销，不能追评' } })
  })
})

describe('decideAppeal', () => {
  const appeal = (state: RatingState, actor: Pick<RatingActor, 'role' | 'inDepartment'> = handler, reason = '企业以评价要挟违规办理，系恶意差评') =>
    decideAppeal({ actor, rating: state, reason })

  it('lets a handler of the rating department appeal a bad rating once', () => {
    expect(appeal(rating({ rectificationStatus: 'open' }))).toEqual({ ok: true, data: { appealStatus: 'pending' } })
  })

  it.each<[Role, boolean]>([
    ['handler', false],
    ...ROLES.filter((role) => role !== 'handler').map((role) => [role, true] as [Role, boolean]),
  ])('refuses %s (in department: %s)', (role, inDepartment) => {
    expect(code(appeal(rating(), { role, inDepartment }))).toBe('FORBIDDEN')
  })

  it.each<[AppealStatus, string | null]>([
    ['none', null],
    ['pending', 'ALREADY_APPEALED'],
    ['upheld', 'ALREADY_APPEALED'],
    ['removed', 'ALREADY_APPEALED'],
  ])('appeal status %s → %s', (appealStatus, expected) => {
    expect(code(appeal(rating({ appealStatus })))).toBe(expected)
  })

  it('refuses a rating that is not a bad initial rating', () => {
    expect(appeal(rating({ bad: false, rectificationStatus: null }))).toMatchObject({ error: { code: 'APPEAL_NOT_ALLOWED', message: '只能对差评提出申诉' } })
    expect(appeal(rating({ kind: 'followUp', rectificationStatus: null }))).toMatchObject({ error: { code: 'APPEAL_NOT_ALLOWED', message: '追评不计入考核，无需申诉' } })
  })

  it('is open whatever the rectification status: appealing does not wait for, nor stop, the work', () => {
    for (const rectificationStatus of RECTIFICATION_STATUSES) expect(code(appeal(rating({ rectificationStatus })))).toBeNull()
  })

  it('requires a reason', () => {
    expect(appeal(rating(), handler, ' ')).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: '请说明申诉理由' } })
  })
})

describe('decideAppealDecision', () => {
  const decide = (state: RatingState, uphold: boolean, actor: Pick<RatingActor, 'role'> = admin, reason = '经核实，企业反映情况属实') =>
    decideAppealDecision({ actor, rating: state, uphold, reason })
  const pending = (rectificationStatus: RectificationStatus | null) => rating({ appealStatus: 'pending', rectificationStatus })

  it('upholds: the rating counts as before and its rectification goes on', () => {
    for (const status of RECTIFICATION_STATUSES) {
      expect(decide(pending(status), true)).toEqual({ ok: true, data: { appealStatus: 'upheld', rectificationStatus: status } })
    }
  })

  it.each<[RectificationStatus, RectificationStatus]>([
    ['open', 'withdrawn'],
    ['visited', 'withdrawn'],
    ['rectified', 'rectified'],
  ])('removes: an unfinished rectification (%s) becomes %s', (before, after) => {
    expect(decide(pending(before), false)).toEqual({ ok: true, data: { appealStatus: 'removed', rectificationStatus: after } })
  })

  it('only an admin decides', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) expect(code(decide(pending('open'), false, { role }))).toBe('FORBIDDEN')
  })

  it.each(APPEAL_STATUSES.filter((s) => s !== 'pending'))('refuses when the appeal status is %s', (appealStatus) => {
    expect(decide(rating({ appealStatus }), true)).toMatchObject({ ok: false, error: { code: 'APPEAL_NOT_PENDING' } })
  })

  it('requires a reason either way', () => {
    for (const uphold of [true, false]) {
      expect(decide(pending('open'), uphold, admin, '')).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: '请说明裁决理由' } })
    }
  })
})

describe('availableRatingActions', () => {
  it('offer the holder the follow-up once the bad rating is rectified', () => {
    expect(availableRatingActions(holder, rating({ rectificationStatus: 'visited' }))).toEqual([])
    expect(availableRatingActions(holder, rating())).toEqual(['followUp'])
    expect(availableRatingActions(holder, rating({ followUpExists: true }))).toEqual([])
  })

  it('offer the department the next rectification step and the appeal', () => {
    expect(availableRatingActions(handler, rating({ rectificationStatus: 'open' }))).toEqual(['recordReturnVisit', 'appeal'])
    expect(availableRatingActions(handler, rating({ rectificationStatus: 'visited', appealStatus: 'pending' }))).toEqual(['rectify'])
    expect(availableRatingActions(handler, rating({ bad: false, rectificationStatus: null }))).toEqual([])
    expect(availableRatingActions({ ...handler, inDepartment: false }, rating({ rectificationStatus: 'open' }))).toEqual([])
  })

  it('offer the admin the decision of a pending appeal only', () => {
    expect(availableRatingActions(admin, rating({ appealStatus: 'pending' }))).toEqual(['decideAppeal'])
    expect(availableRatingActions(admin, rating())).toEqual([])
  })

  it('offer nothing to staff, leaders or commissioners', () => {
    for (const role of ['staff', 'leader', 'commissioner'] as Role[]) {
      expect(availableRatingActions({ role, isHolder: true, inDepartment: true }, rating({ appealStatus: 'pending', rectificationStatus: 'open' }))).toEqual([])
    }
  })

  it('label every action, and every new error code has a 409 and a Chinese message', () => {
    for (const action of RATING_ACTIONS) expect(RATING_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/)
    for (const c of ['ALREADY_RATED', 'NOT_SERVED_YET', 'FOLLOW_UP_NOT_ALLOWED', 'APPEAL_NOT_ALLOWED', 'ALREADY_APPEALED', 'APPEAL_NOT_PENDING', 'RECTIFICATION_CLOSED'] as const) {
      expect(ERRORS[c].status).toBe(409)
    }
  })
})
