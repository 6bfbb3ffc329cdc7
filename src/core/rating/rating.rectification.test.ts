import { shanghaiDate, shanghaiWallTime } from '../calendar/shanghai-time'
import { holidayName, isWorkingDay, workingDaysBetween } from '../calendar/working-days'
import { ERRORS } from '../errors'
import type { Role } from '../auth/roles'
import { RECTIFICATION_STATUSES, type RectificationStatus } from './rating.levels'
import {
  checkRectificationStep,
  decideRectify,
  decideReturnVisit,
  isRectificationOpen,
  missedRectificationDeadlines,
  rectificationAfterRemoval,
  rectificationDeadlines,
  rectifiedOnTime,
  returnVisitOnTime,
  type RectificationStep,
} from './rating.rectification'

// Wednesday 2026-09-30, the last working day before 国庆节 (1–7 October); Saturday 10 October is a 调休 working day.
const submittedAt = '2026-09-30T10:00:00+08:00'
const deadlines = rectificationDeadlines(submittedAt)

describe('rectification deadlines', () => {
  it('count working days from the submission across National Day (checked against the calendar)', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true)
    for (const day of ['2026-10-01', '2026-10-04', '2026-10-07']) expect(holidayName(day)).toBe('国庆节')
    expect(isWorkingDay('2026-10-08')).toBe(true)
    expect(isWorkingDay('2026-10-10')).toBe(true) // 调休 Saturday counts

    expect(workingDaysBetween(submittedAt, deadlines.returnVisitBy)).toBe(1)
    expect(workingDaysBetween(submittedAt, deadlines.rectifyBy)).toBe(15)
    // 1 working day: Thursday 8 October, the first day back, to its last millisecond in Beijing time.
    expect(deadlines.returnVisitBy.toISOString()).toBe('2026-10-08T15:59:59.999Z')
    expect([shanghaiDate(deadlines.returnVisitBy), shanghaiWallTime(deadlines.returnVisitBy)]).toEqual(['2026-10-08', '23:59'])
    // 15 working days: 8, 9, 10 (调休), 12–16, 19–23, 26, 27 October.
    expect(shanghaiDate(deadlines.rectifyBy)).toBe('2026-10-27')
  })

  it('never count the day of submission, whatever the hour, nor a holiday it falls on', () => {
    for (const at of ['2026-09-30T08:00:00+08:00', '2026-09-30T23:59:00+08:00', '2026-10-03T12:00:00+08:00', '2026-10-07T22:00:00+08:00']) {
      expect(rectificationDeadlines(at)).toEqual(deadlines)
    }
    // 07:00 on 1 October in Beijing is still 30 September in UTC: Beijing's date is the one that counts.
    expect(rectificationDeadlines('2026-09-30T23:00:00Z')).toEqual(deadlines)
  })

  it('take the official notice ahead of the package (overrides)', () => {
    const shifted = rectificationDeadlines(submittedAt, { overrides: { '2026-10-08': false } })
    expect(shanghaiDate(shifted.returnVisitBy)).toBe('2026-10-09')
  })
})

const handler = { role: 'handler' as Role, inDepartment: true }
const task = (status: RectificationStatus) => ({ status, ...deadlines })
const step = (status: RectificationStatus, change: Partial<RectificationStep> = {}): RectificationStep => ({
  actor: handler,
  task: task(status),
  note: '已电话回访企业负责人，了解不满意原因',
  now: '2026-10-08T09:00:00+08:00',
  ...change,
})

describe('return visit and rectification', () => {
  it('go open → visited → rectified, with on-time flags', () => {
    expect(decideReturnVisit(step('open'))).toEqual({
      ok: true,
      data: { status: 'visited', returnVisitedAt: new Date('2026-10-08T01:00:00Z'), returnVisitOnTime: true },
    })
    expect(decideRectify(step('visited', { now: '2026-10-20T16:00:00+08:00' }))).toEqual({
      ok: true,
      data: { status: 'rectified', rectifiedAt: new Date('2026-10-20T08:00:00Z'), rectifiedOnTime: true },
    })
  })

  it('count the whole last day as on time and record late work as late', () => {
    const visit = (now: string) => decideReturnVisit(step('open', { now }))
    expect(visit('2026-10-08T23:59:59.999+08:00')).toMatchObject({ ok: true, data: { returnVisitOnTime: true } })
    expect(visit('2026-10-09T00:00:00+08:00')).toMatchObject({ ok: true, data: { returnVisitOnTime: false } })
    const rectify = (now: string) => decideRectify(step('visited', { now }))
    expect(rectify('2026-10-27T23:59:00+08:00')).toMatchObject({ ok: true, data: { rectifiedOnTime: true } })
    expect(rectify('2026-10-28T08:30:00+08:00')).toMatchObject({ ok: true, data: { rectifiedOnTime: false } })
  })

  it.each<[Role, boolean]>([
    ['handler', false],
    ['holder', true],
    ['staff', true],
    ['commissioner', true],
    ['leader', true],
    ['admin', true],
  ])('refuse %s (in department: %s): only handlers of the rating department act', (role, inDepartment) => {
    const actor = { role, inDepartment }
    expect(decideReturnVisit(step('open', { actor }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(decideRectify(step('visited', { actor }))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it.each<[RectificationStatus, string | null, string | null]>([
    ['open', null, 'INVALID_TRANSITION'],
    ['visited', 'INVALID_TRANSITION', null],
    ['rectified', 'RECTIFICATION_CLOSED', 'RECTIFICATION_CLOSED'],
    ['withdrawn', 'RECTIFICATION_CLOSED', 'RECTIFICATION_CLOSED'],
  ])('from %s: return visit → %s, rectify → %s', (status, visitError, rectifyError) => {
    const visit = decideReturnVisit(step(status))
    const rectify = decideRectify(step(status))
    expect(visit.ok ? null : visit.error.code).toBe(visitError)
    expect(rectify.ok ? null : rectify.error.code).toBe(rectifyError)
  })

  it('explain the order and the end of the task in Chinese', () => {
    expect(decideRectify(step('open'))).toMatchObject({ error: { message: '请先记录回访情况，再提交整改反馈' } })
    expect(decideReturnVisit(step('visited'))).toMatchObject({ error: { message: '已记录回访，请提交整改反馈' } })
    expect(decideReturnVisit(step('withdrawn'))).toMatchObject({ error: { message: '该差评已申诉核销，无需整改' } })
    expect(decideRectify(step('rectified'))).toMatchObject({ error: { message: '该差评已整改反馈，整改任务已结束' } })
    expect(ERRORS.RECTIFICATION_CLOSED.status).toBe(409)
  })

  it('require a note, checked after permission and status', () => {
    expect(decideReturnVisit(step('open', { note: '  ' }))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请填写回访情况' } })
    expect(decideRectify(step('visited', { note: '' }))).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: '请填写整改情况和答复' } })
    expect(decideRectify(step('open', { note: '' }))).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })
    expect(decideRectify(step('visited', { note: '', actor: { role: 'staff', inDepartment: false } }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })

  it('tell the UI which step is open, the note aside', () => {
    expect(checkRectificationStep('recordReturnVisit', handler, 'open').ok).toBe(true)
    expect(checkRectificationStep('rectify', handler, 'open').ok).toBe(false)
    expect(checkRectificationStep('rectify', handler, 'visited').ok).toBe(true)
  })
})

describe('on-time flags of a stored task', () => {
  it('are null until the step is done, then compare with the deadline', () => {
    expect(returnVisitOnTime({ ...deadlines, returnVisitedAt: null })).toBeNull()
    expect(returnVisitOnTime({ ...deadlines })).toBeNull()
    expect(returnVisitOnTime({ ...deadlines, returnVisitedAt: '2026-10-08T15:59:59.999Z' })).toBe(true)
    expect(returnVisitOnTime({ ...deadlines, returnVisitedAt: '2026-10-08T16:00:00Z' })).toBe(false)
    expect(rectifiedOnTime({ ...deadlines, rectifiedAt: null })).toBeNull()
    expect(rectifiedOnTime({ ...deadlines, rectifiedAt: deadlines.rectifyBy })).toBe(true)
    expect(rectifiedOnTime({ ...deadlines, rectifiedAt: '2026-10-28T00:00:00+08:00' })).toBe(false)
  })
})

describe('missed deadlines', () => {
  const at = (now: string, status: RectificationStatus) => missedRectificationDeadlines(task(status), now)

  it('are those passed whose step is not done', () => {
    expect(at('2026-10-08T23:59:59+08:00', 'open')).toEqual([])
    expect(at('2026-10-09T00:00:00+08:00', 'open')).toEqual(['returnVisit'])
    expect(at('2026-10-09T00:00:00+08:00', 'visited')).toEqual([])
    expect(at('2026-10-28T00:00:00+08:00', 'open')).toEqual(['returnVisit', 'rectify'])
    expect(at('2026-10-28T00:00:00+08:00', 'visited')).toEqual(['rectify'])
  })

  it('are none once the task is finished', () => {
    expect(at('2026-12-31T00:00:00+08:00', 'rectified')).toEqual([])
    expect(at('2026-12-31T00:00:00+08:00', 'withdrawn')).toEqual([])
  })
})

describe('removal on appeal', () => {
  it.each<[RectificationStatus | null, RectificationStatus | null]>([
    ['open', 'withdrawn'],
    ['visited', 'withdrawn'],
    ['rectified', 'rectified'],
    ['withdrawn', 'withdrawn'],
    [null, null],
  ])('turns %s into %s', (before, after) => {
    expect(rectificationAfterRemoval(before)).toBe(after)
  })

  it('leaves open exactly open and visited', () => {
    expect(RECTIFICATION_STATUSES.filter(isRectificationOpen)).toEqual(['open', 'visited'])
  })
})
