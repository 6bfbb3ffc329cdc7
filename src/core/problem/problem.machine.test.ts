import { statusOf } from '../errors'
import { deadlinesOnAssign } from './problem.deadlines'
import {
  availableActions,
  decideProblem,
  decideSubmission,
  overdueToMark,
  PROBLEM_ACTION_LABELS,
  PROBLEM_ACTIONS,
  PROBLEM_ROLE_LABELS,
  PROBLEM_ROLES,
  PROBLEM_STATUS_LABELS,
  PROBLEM_STATUSES,
  STAFF_RECORD_DAYS,
  startsRound,
  type ProblemAction,
  type ProblemActionInput,
  type ProblemActor,
  type ProblemSituation,
  type ProblemStatus,
  type SubmissionActor,
} from './problem.machine'

// The current round was assigned on Wednesday 2026-09-30 at 16:00, the day before National Day:
// sign by 2026-10-08, resolve by 2026-10-20, send back until the end of 2026-10-09.
const assignedAt = '2026-09-30T16:00:00+08:00'
const deadlines = deadlinesOnAssign(assignedAt, 'policy')

// For the matrix each action is tried at a time when its time rule is met (send back inside its window, overdue
// marking after the resolution deadline).
const timeFor = (action: ProblemAction) =>
  action === 'markOverdue' ? '2026-10-21T09:00:00+08:00' : action === 'sendBack' ? '2026-10-09T17:00:00+08:00' : '2026-10-08T10:00:00+08:00'

/** A complete, valid input for every action. */
const FULL_INPUT: ProblemActionInput = {
  reply: '已当场告知申报材料清单',
  explanation: '需规划、自然资源部门共同会商',
  suggestion: '请先准备用地红线图',
  nextStep: { kind: 'homeVisit', date: '2026-10-15' },
  departmentId: 'dept-b',
  note: '已联系企业核实情况',
  resolution: '已完成规划条件核定',
  reason: '仍未解决，需再次协调',
  report: '企业用地指标问题本级无法协调，特此专报',
}

const situation = (status: ProblemStatus, action: ProblemAction, change: Partial<ProblemSituation> = {}): ProblemSituation => ({
  status,
  escalated: false,
  departmentId: 'dept-a',
  assignedAt,
  deadlines,
  overdueMarked: [],
  now: timeFor(action),
  input: FULL_INPUT,
  ...change,
})

const actor = (role: ProblemActor['role'], flags: Partial<Omit<ProblemActor, 'role'>> = {}): ProblemActor => ({
  role,
  ownsProblem: false,
  inDepartment: false,
  assignedCommissioner: false,
  ...flags,
})

const ALL = { ownsProblem: true, inDepartment: true, assignedCommissioner: true }

const ACTORS: Record<string, ProblemActor> = {
  'holder (own)': actor('holder', { ownsProblem: true }),
  'holder (other)': actor('holder'),
  staff: actor('staff'),
  'handler (department)': actor('handler', { inDepartment: true }),
  'handler (other department)': actor('handler'),
  'commissioner (assigned)': actor('commissioner', { assignedCommissioner: true }),
  'commissioner (other)': actor('commissioner'),
  // Flags that do not belong to the role give it nothing: a leader "owning" a problem is still not its holder.
  leader: actor('leader', ALL),
  admin: actor('admin', { inDepartment: true, assignedCommissioner: true }),
  // An administrator owns only a problem the district raised itself (a survey's finding): they confirm or reopen it.
  'admin (district raised it)': actor('admin', ALL),
  system: actor('system', ALL),
}

const NOT_CLOSED = PROBLEM_STATUSES.filter((status) => status !== 'closed')
const same = (statuses: readonly ProblemStatus[]) => Object.fromEntries(statuses.map((status) => [status, status]))

/** The specification, written out: [actor, action] → status → next status. Anything missing is refused. */
const ALLOWED: Record<string, Partial<Record<ProblemAction, Partial<Record<ProblemStatus, ProblemStatus>>>>> = {
  'holder (own)': {
    confirm: { answered: 'closed', resolved: 'closed' },
    reopen: { answered: 'submitted', resolved: 'assigned' },
  },
  staff: {
    answer: { submitted: 'answered' },
    defer: { submitted: 'deferred' },
  },
  'handler (department)': {
    sign: { assigned: 'in_progress' },
    progress: { in_progress: 'in_progress' },
    resolve: { in_progress: 'resolved' },
    sendBack: { assigned: 'deferred', in_progress: 'deferred' },
  },
  'commissioner (assigned)': {
    escalate: same(NOT_CLOSED),
  },
  admin: {
    answer: { submitted: 'answered' },
    defer: { submitted: 'deferred' },
    assign: { deferred: 'assigned' },
    reassign: { assigned: 'assigned', in_progress: 'assigned' },
  },
  'admin (district raised it)': {
    answer: { submitted: 'answered' },
    defer: { submitted: 'deferred' },
    assign: { deferred: 'assigned' },
    reassign: { assigned: 'assigned', in_progress: 'assigned' },
    confirm: { answered: 'closed', resolved: 'closed' },
    reopen: { answered: 'submitted', resolved: 'assigned' },
  },
  system: {
    markOverdue: { assigned: 'assigned', in_progress: 'in_progress' },
  },
}

const MAY_ATTEMPT = (name: string, action: ProblemAction) => ALLOWED[name]?.[action] !== undefined

const cases = Object.keys(ACTORS).flatMap((name) =>
  PROBLEM_ACTIONS.flatMap((action) => PROBLEM_STATUSES.map((status) => [name, action, status] as const)),
)

describe('problem machine: every actor × action × status', () => {
  it('has 11 actors × 12 actions × 7 statuses, every role of the product among them', () => {
    expect(cases).toHaveLength(924)
    expect(new Set(Object.values(ACTORS).map((a) => a.role))).toEqual(new Set(PROBLEM_ROLES))
  })

  it.each(cases)('%s: %s on %s', (name, action, status) => {
    const result = decideProblem(action, ACTORS[name], situation(status, action))
    const expected = ALLOWED[name]?.[action]?.[status]
    if (expected) {
      expect(result).toEqual({ ok: true, data: expected })
    } else if (!MAY_ATTEMPT(name, action)) {
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } })
    } else {
      expect(result).toEqual({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: `诉求当前为「${PROBLEM_STATUS_LABELS[status]}」，不能${PROBLEM_ACTION_LABELS[action]}` },
      })
    }
  })

  it.each(cases)('%s: availableActions agrees with decide on %s / %s', (name, action, status) => {
    const offered = availableActions(ACTORS[name], situation(status, action)).includes(action)
    expect(offered).toBe(decideProblem(action, ACTORS[name], situation(status, action)).ok)
  })
})

describe('problem machine: the state diagram', () => {
  const staff = ACTORS.staff
  const admin = ACTORS.admin
  const handler = ACTORS['handler (department)']
  const holder = ACTORS['holder (own)']

  function run(steps: [ProblemAction, ProblemActor, ProblemStatus][]) {
    let status: ProblemStatus = 'submitted'
    for (const [action, who, expected] of steps) {
      const result = decideProblem(action, who, situation(status, action))
      expect([action, result]).toEqual([action, { ok: true, data: expected }])
      status = expected
    }
    return status
  }

  it('on the spot: submitted → answered → closed', () => {
    expect(run([['answer', staff, 'answered'], ['confirm', holder, 'closed']])).toBe('closed')
  })

  it('the full ledger life: deferred → assigned → signed → progress → resolved → reopened → signed → resolved → closed', () => {
    run([
      ['defer', staff, 'deferred'],
      ['assign', admin, 'assigned'],
      ['sign', handler, 'in_progress'],
      ['progress', handler, 'in_progress'],
      ['resolve', handler, 'resolved'],
      ['reopen', holder, 'assigned'],
      ['sign', handler, 'in_progress'],
      ['resolve', handler, 'resolved'],
      ['confirm', holder, 'closed'],
    ])
  })

  it('sent back and reassigned', () => {
    run([
      ['defer', staff, 'deferred'],
      ['assign', admin, 'assigned'],
      ['sendBack', handler, 'deferred'],
      ['assign', admin, 'assigned'],
      ['sign', handler, 'in_progress'],
      ['reassign', admin, 'assigned'],
    ])
  })

  it('starts a department round exactly when entering assigned', () => {
    expect(PROBLEM_STATUSES.filter(startsRound)).toEqual(['assigned'])
  })

  it('has a label for every status, action and role', () => {
    for (const status of PROBLEM_STATUSES) expect(PROBLEM_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fa5]/)
    for (const action of PROBLEM_ACTIONS) expect(PROBLEM_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/)
    for (const role of PROBLEM_ROLES) expect(PROBLEM_ROLE_LABELS[role]).toMatch(/[\u4e00-\u9fa5]/)
    expect(PROBLEM_ROLE_LABELS.system).toBe('系统')
  })
})

describe('problem machine: deferral needs an explanation, a suggestion and a next step', () => {
  const staff = ACTORS.staff
  const defer = (input: ProblemActionInput, now = '2026-10-08T10:00:00+08:00') =>
    decideProblem('defer', staff, situation('submitted', 'defer', { input, now }))
  const complete = { explanation: '需要会商', suggestion: '准备材料', nextStep: { kind: 'fixedDay' as const, date: '2026-10-13' } }

  it('accepts a complete deferral with either kind of next step', () => {
    expect(defer(complete)).toEqual({ ok: true, data: 'deferred' })
    expect(defer({ ...complete, nextStep: { kind: 'homeVisit', date: '2026-10-09' } })).toEqual({ ok: true, data: 'deferred' })
  })

  it('refuses it without any of them, naming what is missing', () => {
    expect(defer({})).toEqual({
      ok: false,
      error: { code: 'DEFERRAL_INCOMPLETE', message: '暂缓办理须写明：解释说明、办理建议、下一步安排（下个固定日或预约上门日期）' },
    })
    expect(decideProblem('defer', staff, situation('submitted', 'defer', { input: undefined }))).toMatchObject({
      error: { code: 'DEFERRAL_INCOMPLETE' },
    })
    expect(defer({ ...complete, explanation: '  ' })).toEqual({ ok: false, error: { code: 'DEFERRAL_INCOMPLETE', message: '暂缓办理须写明：解释说明' } })
    expect(defer({ ...complete, suggestion: undefined })).toEqual({ ok: false, error: { code: 'DEFERRAL_INCOMPLETE', message: '暂缓办理须写明：办理建议' } })
    expect(defer({ ...complete, nextStep: undefined })).toMatchObject({ error: { code: 'DEFERRAL_INCOMPLETE', message: expect.stringContaining('下一步安排') } })
    expect(defer({ ...complete, nextStep: { kind: 'fixedDay' } })).toMatchObject({ error: { code: 'DEFERRAL_INCOMPLETE' } })
    expect(defer({ ...complete, nextStep: { date: '2026-10-13' } })).toMatchObject({ error: { code: 'DEFERRAL_INCOMPLETE' } })
    expect(defer({ ...complete, nextStep: { kind: 'someday' as never, date: '2026-10-13' } })).toMatchObject({
      error: { code: 'DEFERRAL_INCOMPLETE' },
    })
    expect(statusOf('DEFERRAL_INCOMPLETE')).toBe(400)
  })

  it('refuses a next step in the past (Shanghai calendar day), allows today', () => {
    expect(defer({ ...complete, nextStep: { kind: 'homeVisit', date: '2026-10-08' } })).toEqual({ ok: true, data: 'deferred' })
    expect(defer({ ...complete, nextStep: { kind: 'homeVisit', date: '2026-10-07' } })).toEqual({
      ok: false,
      error: { code: 'DATE_IN_PAST', message: '下一步办理日期不能早于今天' },
    })
    // 2026-10-08 01:00 in Shanghai is still 2026-10-07 in UTC: today is the 8th.
    expect(defer({ ...complete, nextStep: { kind: 'fixedDay', date: '2026-10-07' } }, '2026-10-07T17:00:00Z')).toMatchObject({
      error: { code: 'DATE_IN_PAST' },
    })
  })

  it('checks permission and status before the input', () => {
    expect(decideProblem('defer', ACTORS.leader, situation('submitted', 'defer', { input: {} }))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(decideProblem('defer', staff, situation('deferred', 'defer', { input: {} }))).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })
  })
})

describe('problem machine: required input of the other actions', () => {
  const cases: [ProblemAction, string, ProblemStatus, keyof ProblemActionInput, string][] = [
    ['answer', 'staff', 'submitted', 'reply', '请填写答复内容'],
    ['assign', 'admin', 'deferred', 'departmentId', '请选择责任部门'],
    ['reassign', 'admin', 'in_progress', 'reason', '改派须说明原因'],
    ['reassign', 'admin', 'in_progress', 'departmentId', '请选择改派的部门'],
    ['progress', 'handler (department)', 'in_progress', 'note', '请填写办理进展'],
    ['resolve', 'handler (department)', 'in_progress', 'resolution', '请填写办理结果'],
    ['sendBack', 'handler (department)', 'assigned', 'reason', '退回须说明原因'],
    ['reopen', 'holder (own)', 'resolved', 'reason', '重新办理须说明原因'],
    ['escalate', 'commissioner (assigned)', 'in_progress', 'report', '请填写专报内容'],
  ]

  it.each(cases)('%s by %s on %s needs %s', (action, name, status, field, message) => {
    for (const value of [undefined, '', '   ']) {
      const input = { ...FULL_INPUT, [field]: value }
      expect(decideProblem(action, ACTORS[name], situation(status, action, { input }))).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message },
      })
    }
  })

  it('reassigns only to another department', () => {
    const input = { ...FULL_INPUT, departmentId: 'dept-a' }
    expect(decideProblem('reassign', ACTORS.admin, situation('assigned', 'reassign', { input }))).toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '改派须选择另一个部门' },
    })
  })

  it('needs nothing more to sign, confirm or mark overdue', () => {
    expect(decideProblem('sign', ACTORS['handler (department)'], situation('assigned', 'sign', { input: undefined })).ok).toBe(true)
    expect(decideProblem('confirm', ACTORS['holder (own)'], situation('resolved', 'confirm', { input: undefined })).ok).toBe(true)
    expect(decideProblem('markOverdue', ACTORS.system, situation('assigned', 'markOverdue', { input: undefined })).ok).toBe(true)
  })
})

describe('problem machine: reopen', () => {
  const holder = ACTORS['holder (own)']

  it('sends an answered problem back to staff, a resolved one back to its department', () => {
    expect(decideProblem('reopen', holder, situation('answered', 'reopen', { departmentId: null }))).toEqual({ ok: true, data: 'submitted' })
    expect(decideProblem('reopen', holder, situation('resolved', 'reopen'))).toEqual({ ok: true, data: 'assigned' })
  })

  it('falls back to dispatch for a resolved problem without a department', () => {
    expect(decideProblem('reopen', holder, situation('resolved', 'reopen', { departmentId: null }))).toEqual({ ok: true, data: 'deferred' })
  })

  it('cannot reopen a closed problem (销号 is final)', () => {
    expect(decideProblem('reopen', holder, situation('closed', 'reopen'))).toEqual({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: '诉求当前为「已销号」，不能重新办理' },
    })
  })
})

describe('problem machine: send back within 2 working days', () => {
  const handler = ACTORS['handler (department)']
  const sendBack = (now: string, status: ProblemStatus = 'assigned', change: Partial<ProblemSituation> = {}) =>
    decideProblem('sendBack', handler, situation(status, 'sendBack', { now, ...change }))

  it('is allowed until the end of the 2nd working day, the holiday not counting', () => {
    expect(sendBack('2026-10-03T10:00:00+08:00')).toEqual({ ok: true, data: 'deferred' })
    expect(sendBack('2026-10-09T23:59:59.999+08:00', 'in_progress')).toEqual({ ok: true, data: 'deferred' })
  })

  it('is refused afterwards with its own code', () => {
    const late = sendBack('2026-10-10T00:00:00+08:00')
    expect(late).toEqual({ ok: false, error: { code: 'SEND_BACK_TOO_LATE', message: '已超过交办后2个工作日，不能退回，请联系管理员改派' } })
    expect(sendBack('2026-10-20T10:00:00+08:00', 'in_progress')).toMatchObject({ error: { code: 'SEND_BACK_TOO_LATE' } })
    expect(statusOf('SEND_BACK_TOO_LATE')).toBe(409)
  })

  it('counts from the current round: a reassignment restarts the window', () => {
    expect(sendBack('2026-10-20T10:00:00+08:00', 'assigned', { assignedAt: '2026-10-19T09:00:00+08:00' }).ok).toBe(true)
  })

  it('uses the calendar overrides passed in', () => {
    // If 10-09 were declared a day off, the window would run to the end of 10-10 (the 调休 Saturday).
    expect(sendBack('2026-10-10T12:00:00+08:00', 'assigned', { calendar: { overrides: { '2026-10-09': false } } }).ok).toBe(true)
  })

  it('tells the time only to the right people, after the status', () => {
    expect(decideProblem('sendBack', ACTORS['handler (other department)'], situation('assigned', 'sendBack', { now: '2026-11-01T00:00:00+08:00' }))).toMatchObject({
      error: { code: 'FORBIDDEN' },
    })
    expect(sendBack('2026-11-01T00:00:00+08:00', 'resolved')).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })
  })

  it('is removed from the available actions once the window closed', () => {
    const s = situation('assigned', 'sendBack', { now: '2026-10-10T00:00:00+08:00' })
    expect(availableActions(handler, s)).toEqual(['sign'])
    expect(availableActions(handler, { ...s, now: '2026-10-09T10:00:00+08:00' })).toEqual(['sign', 'sendBack'])
  })
})

describe('problem machine: escalation (专报)', () => {
  const commissioner = ACTORS['commissioner (assigned)']

  it('is allowed once in every status but closed, and keeps the status', () => {
    for (const status of PROBLEM_STATUSES.filter((s) => s !== 'closed')) {
      expect(decideProblem('escalate', commissioner, situation(status, 'escalate'))).toEqual({ ok: true, data: status })
      expect(decideProblem('escalate', commissioner, situation(status, 'escalate', { escalated: true }))).toEqual({
        ok: false,
        error: { code: 'ALREADY_ESCALATED', message: '该诉求已专报，不能重复专报' },
      })
    }
    expect(statusOf('ALREADY_ESCALATED')).toBe(409)
  })

  it('answers a closed problem by its status, even when escalated before', () => {
    expect(decideProblem('escalate', commissioner, situation('closed', 'escalate', { escalated: true }))).toMatchObject({
      error: { code: 'INVALID_TRANSITION' },
    })
  })

  it('belongs to the holder’s own commissioner only: not another commissioner, not a leader or an admin', () => {
    for (const name of ['commissioner (other)', 'leader', 'admin', 'holder (own)', 'staff']) {
      expect(decideProblem('escalate', ACTORS[name], situation('in_progress', 'escalate'))).toMatchObject({ error: { code: 'FORBIDDEN' } })
    }
  })

  it('leaves escalate out of the available actions once escalated', () => {
    expect(availableActions(commissioner, situation('in_progress', 'escalate'))).toEqual(['escalate'])
    expect(availableActions(commissioner, situation('in_progress', 'escalate', { escalated: true }))).toEqual([])
  })

  it('does not stop the work on an escalated problem', () => {
    const s = (status: ProblemStatus, action: ProblemAction) => situation(status, action, { escalated: true })
    expect(decideProblem('sign', ACTORS['handler (department)'], s('assigned', 'sign')).ok).toBe(true)
    expect(decideProblem('confirm', ACTORS['holder (own)'], s('resolved', 'confirm')).ok).toBe(true)
  })
})

describe('problem machine: marking overdue', () => {
  const system = ACTORS.system
  const mark = (status: ProblemStatus, now: string, overdueMarked: ('sign' | 'resolve')[] = []) =>
    decideProblem('markOverdue', system, situation(status, 'markOverdue', { now, overdueMarked }))

  it('refuses while no deadline is missed', () => {
    expect(mark('assigned', '2026-10-08T23:59:59.999+08:00')).toEqual({
      ok: false,
      error: { code: 'NOT_OVERDUE', message: '该诉求没有新的超期时限需要标记' },
    })
    expect(mark('in_progress', '2026-10-15T10:00:00+08:00')).toMatchObject({ error: { code: 'NOT_OVERDUE' } })
  })

  it('marks a missed sign-for once, then the missed resolution once', () => {
    const s = (now: string, overdueMarked: ('sign' | 'resolve')[]) => situation('assigned', 'markOverdue', { now, overdueMarked })
    expect(mark('assigned', '2026-10-09T00:00:00+08:00')).toEqual({ ok: true, data: 'assigned' })
    expect(overdueToMark(s('2026-10-09T00:00:00+08:00', []))).toEqual(['sign'])
    expect(mark('assigned', '2026-10-12T10:00:00+08:00', ['sign'])).toMatchObject({ error: { code: 'NOT_OVERDUE' } })
    expect(overdueToMark(s('2026-10-21T00:00:00+08:00', ['sign']))).toEqual(['resolve'])
    expect(mark('assigned', '2026-10-21T00:00:00+08:00', ['sign'])).toEqual({ ok: true, data: 'assigned' })
    expect(mark('assigned', '2026-10-21T00:00:00+08:00', ['sign', 'resolve'])).toMatchObject({ error: { code: 'NOT_OVERDUE' } })
  })

  it('marks a missed resolution of a signed problem', () => {
    expect(mark('in_progress', '2026-10-21T00:00:00+08:00', ['sign'])).toEqual({ ok: true, data: 'in_progress' })
    expect(overdueToMark(situation('in_progress', 'markOverdue', { now: '2026-10-21T00:00:00+08:00' }))).toEqual(['resolve'])
  })

  it('never marks what no department is working on', () => {
    for (const status of ['submitted', 'answered', 'deferred', 'resolved', 'closed'] as const) {
      expect(mark(status, '2027-01-01T00:00:00+08:00')).toMatchObject({ error: { code: 'INVALID_TRANSITION' } })
    }
  })

  it('offers markOverdue to the job only when there is something to mark', () => {
    expect(availableActions(system, situation('assigned', 'markOverdue', { now: '2026-10-08T10:00:00+08:00' }))).toEqual([])
    expect(availableActions(system, situation('assigned', 'markOverdue', { now: '2026-10-09T10:00:00+08:00' }))).toEqual(['markOverdue'])
  })
})

describe('problem machine: availableActions for the UI', () => {
  it('gives each participant their buttons', () => {
    const at = (status: ProblemStatus) => situation(status, 'answer')
    expect(availableActions(ACTORS.staff, at('submitted'))).toEqual(['answer', 'defer'])
    expect(availableActions(ACTORS.admin, at('deferred'))).toEqual(['assign'])
    expect(availableActions(ACTORS.admin, at('in_progress'))).toEqual(['reassign'])
    expect(availableActions(ACTORS['handler (department)'], at('in_progress'))).toEqual(['progress', 'resolve', 'sendBack'])
    expect(availableActions(ACTORS['holder (own)'], at('resolved'))).toEqual(['confirm', 'reopen'])
    expect(availableActions(ACTORS['holder (own)'], at('in_progress'))).toEqual([])
    expect(availableActions(ACTORS['holder (other)'], at('resolved'))).toEqual([])
    expect(availableActions(ACTORS.leader, at('in_progress'))).toEqual([])
    for (const name of Object.keys(ACTORS)) {
      const s = situation('closed', 'escalate')
      expect([name, availableActions(ACTORS[name], s)]).toEqual([name, []])
    }
  })
})

describe('decideSubmission', () => {
  const submitter = (role: SubmissionActor['role'], flags: Partial<Omit<SubmissionActor, 'role'>> = {}): SubmissionActor => ({
    role,
    assignedCommissioner: false,
    servedByStaff: false,
    ...flags,
  })

  it('lets holders submit for themselves, staff for a holder they served, the assigned commissioner for an assignee', () => {
    expect(decideSubmission(submitter('holder'), false)).toEqual({ ok: true, data: 'holder' })
    expect(decideSubmission(submitter('staff', { servedByStaff: true }), true)).toEqual({ ok: true, data: 'staff' })
    expect(decideSubmission(submitter('commissioner', { assignedCommissioner: true }), true)).toEqual({ ok: true, data: 'commissioner' })
  })

  it('refuses the rest', () => {
    expect(decideSubmission(submitter('holder'), true)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '只能为本单位提交诉求' } })
    expect(decideSubmission(submitter('staff', { servedByStaff: true }), false)).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: '请选择服务对象' } })
    // Staff for a holder they did not serve recently (issue 12: any holder id was taken).
    expect(decideSubmission(submitter('staff', { assignedCommissioner: true }), true)).toMatchObject({ error: { code: 'FORBIDDEN', message: expect.stringContaining(`近${STAFF_RECORD_DAYS}天`) } })
    expect(decideSubmission(submitter('commissioner', { servedByStaff: true }), true)).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect(decideSubmission(submitter('commissioner', { assignedCommissioner: true }), false)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    for (const role of ['handler', 'leader', 'admin', 'system'] as const) {
      const all = { assignedCommissioner: true, servedByStaff: true }
      expect(decideSubmission(submitter(role, all), true)).toMatchObject({ error: { code: 'FORBIDDEN' } })
      expect(decideSubmission(submitter(role, all), false)).toMatchObject({ error: { code: 'FORBIDDEN' } })
    }
  })
})
