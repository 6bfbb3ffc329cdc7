import { Client } from 'pg'
import { apiClient, type ApiClient } from '../support/api'
import { newHolder } from '../support/holders'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'
import { uploadedKey } from '../support/images'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(120_000)

// Tuesday 29 September 2026, 10:00 in Shanghai, two days before the National Day holiday (1–7 October, 10 October worked).
const CLOCK_START = '2026-09-29T10:00:00+08:00'

describe.each(storesUnderTest())('the problem ledger through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  let key = 0
  const idem = () => `problem-${store}-${++key}-key`
  let zrzy: string
  let leaderId: string

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'commissioner-demo', 'leader-demo', 'admin-demo']) {
      t[user] = await api.login(user)
    }
    const directory = await api.data('problems', 'directory', {}, t['admin-demo'])
    zrzy = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
    leaderId = directory.leaders[0].id
  })
  afterAll(() => host?.stop())

  const submit = (user: string, extra: object = {}) =>
    api.data('problems', 'submit', { category: 'land', title: '厂房扩建用地指标', description: '二期厂房扩建需新增用地约20亩，指标如何申请？', idempotencyKey: idem(), ...extra }, t[user])
  const get = (id: string, user = 'holder-demo') => api.data('problems', 'get', { id }, t[user])
  const act = (action: string, id: string, version: number, user: string, payload: object = {}) =>
    api.call('problems', action, { id, version, ...payload }, t[user])

  it('takes a problem once per idempotency key and shows it only to those who may see it', async () => {
    const photo = await uploadedKey(host.url, t['holder-demo'])
    const payload = { category: 'land', title: '厂房扩建用地指标', description: '二期厂房扩建需新增用地约20亩，指标如何申请？', idempotencyKey: idem(), photos: [photo] }
    const first = await api.data('problems', 'submit', payload, t['holder-demo'])
    const retry = await api.data('problems', 'submit', payload, t['holder-demo'])
    expect(retry).toEqual(first)
    expect(first.status).toBe('submitted')
    const detail = await get(first.id)
    expect(detail).toMatchObject({ number: expect.stringMatching(/^P2026-\d{6}$/), holderName: '威海海川科技有限公司', version: 0 })
    // The view carries an expiring signed link to the photo, not the bare key.
    expect(detail.photos).toEqual([expect.stringMatching(new RegExp(`^${photo}\\?exp=\\d+&sig=[\\w-]{43}$`))])
    expect(detail.contactPhone).toMatch(/^1\d{10}$/)
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submit'])
    expect(code(await api.call('problems', 'get', { id: first.id }, t['holder-other']))).toBe('NOT_FOUND')
    expect((await get(first.id, 'leader-demo')).contactPhone).toContain('****')
    expect((await api.data('problems', 'mine', {}, t['holder-other'])).items).toEqual([])
    expect(code(await api.call('problems', 'list', {}, t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('problems', 'submit', { ...payload, idempotencyKey: idem(), holderId: detail.holderId }, t['holder-other']))).toBe('FORBIDDEN')
  })

  it('runs the whole cycle: defer with a next step, assign, sign, progress, resolve, confirm', async () => {
    const { id } = await submit('holder-demo')
    expect(code(await act('defer', id, 0, 'staff-demo', { explanation: '需自然资源局核实', suggestion: '先准备规划方案' }))).toBe('VALIDATION_FAILED')
    expect(code(await act('defer', id, 0, 'staff-demo', { explanation: '需自然资源局核实', suggestion: '先准备规划方案', nextStep: { kind: 'fixedDay', date: '2026-09-01' } }))).toBe('DATE_IN_PAST')
    expect(code(await act('defer', id, 0, 'holder-demo', { explanation: '需核实', suggestion: '准备方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }))).toBe('FORBIDDEN')
    const deferred = await api.data('problems', 'defer', { id, version: 0, explanation: '需自然资源局核实用地指标', suggestion: '先准备二期规划方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, t['staff-demo'])
    expect(deferred).toMatchObject({ status: 'deferred', deferral: { nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, version: 1 })

    const assigned = await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy, leaderId, plan: '一企一策，专班对接' }, t['admin-demo'])
    // Sign-for by the end of the next working day; resolution by the 10th working day, the holiday skipped.
    expect(assigned.deadlines).toEqual({ signBy: '2026-09-30T15:59:59.999Z', resolveBy: '2026-10-19T15:59:59.999Z' })
    expect(assigned).toMatchObject({ status: 'assigned', departmentName: '区自然资源局', leaderId, nextDeadline: { kind: 'sign', overdue: false } })

    const inbox = await api.data('problems', 'list', { status: 'assigned' }, t['handler-demo'])
    expect(inbox.items.map((p: { id: string }) => p.id)).toContain(id)
    const forHandler = await get(id, 'handler-demo')
    expect(forHandler.contactPhone).toMatch(/^1\d{10}$/)
    expect(forHandler.availableActions).toEqual(expect.arrayContaining(['sign', 'sendBack']))

    expect(code(await act('sign', id, 1, 'handler-demo'))).toBe('STALE_VERSION')
    expect(code(await act('sign', id, 2, 'staff-demo'))).toBe('FORBIDDEN')
    await api.data('problems', 'sign', { id, version: 2 }, t['handler-demo'])
    await api.data('problems', 'progress', { id, version: 3, note: '已现场踏勘，正在调整指标' }, t['handler-demo'])
    const resolved = await api.data('problems', 'resolve', { id, version: 4, resolution: '已纳入年度用地计划，10月底前办理供地手续' }, t['handler-demo'])
    expect(resolved.status).toBe('resolved')
    expect(resolved.nextDeadline).toBeNull()
    const closed = await api.data('problems', 'confirm', { id, version: 5 }, t['holder-demo'])
    expect(closed.status).toBe('closed')
    const detail = await get(id)
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'defer', 'assign', 'sign', 'progress', 'resolve', 'confirm'])
    expect(detail.timeline[3]).toMatchObject({ actorRole: 'handler', fromStatus: 'assigned', toStatus: 'in_progress' })
    expect(code(await act('reopen', id, 6, 'holder-demo', { reason: '再次反映' }))).toBe('INVALID_TRANSITION')
  })

  it('answers on the spot, and lets the holder reopen an answer', async () => {
    const { id } = await submit('holder-demo', { category: 'policy', title: '高企认定政策', description: '高新技术企业认定有哪些奖励？' })
    const answered = await api.data('problems', 'answer', { id, version: 0, reply: '认定后一次性奖励20万元，详见区科技局文件' }, t['staff-demo'])
    expect(answered).toMatchObject({ status: 'answered', reply: expect.stringContaining('20万元') })
    expect(code(await act('reopen', id, 1, 'holder-other', { reason: '不满意' }))).toBe('NOT_FOUND')
    const reopened = await api.data('problems', 'reopen', { id, version: 1, reason: '还想了解申报时间' }, t['holder-demo'])
    expect(reopened).toMatchObject({ status: 'submitted', reply: null })
  })

  it('lets the department send back a wrongly assigned problem, and the commissioner escalate once', async () => {
    const { id } = await submit('holder-demo', { category: 'financing', title: '流动资金贷款', description: '需要500万流动资金贷款' })
    await api.data('problems', 'defer', { id, version: 0, explanation: '需金融机构对接', suggestion: '准备财务报表', nextStep: { kind: 'homeVisit', date: '2026-10-09' } }, t['staff-demo'])
    await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy }, t['admin-demo'])
    const sentBack = await api.data('problems', 'sendBack', { id, version: 2, reason: '属融资事项，应交财政局或金融办' }, t['handler-demo'])
    expect(sentBack).toMatchObject({ status: 'deferred', departmentId: null, deadlines: null })
    expect(code(await act('escalate', id, 3, 'leader-demo', { report: '企业融资难问题需区领导协调解决' }))).toBe('FORBIDDEN')
    const escalated = await api.data('problems', 'escalate', { id, version: 3, report: '企业融资难问题，部门间推诿，需区领导协调解决' }, t['commissioner-demo'])
    expect(escalated).toMatchObject({ escalated: true, status: 'deferred' })
    expect(code(await act('escalate', id, 4, 'commissioner-demo', { report: '再次专报该企业融资问题，请领导关注' }))).toBe('ALREADY_ESCALATED')
    const ledger = await api.data('problems', 'list', { escalated: true }, t['leader-demo'])
    expect(ledger.items.map((p: { id: string }) => p.id)).toEqual([id])
  })

  it('pages the leader ledger by keyset without gaps or repeats', async () => {
    for (let i = 0; i < 5; i++) await submit('holder-other', { category: 'labour', title: `用工问题${i}`, description: '招工难，需要人社部门对接' })
    const seen: string[] = []
    const totals: unknown[] = []
    let cursor: string | null = null
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null; total?: unknown } = await api.data('problems', 'list', { limit: 2, ...(cursor ? { cursor } : {}) }, t['leader-demo'])
      seen.push(...page.items.map((p) => p.id))
      totals.push(page.total)
      cursor = page.nextCursor
    } while (cursor)
    // The first page says how many match (issue 15, defect 10: the ledger shows its total); the pages after it do not count again.
    expect(totals).toEqual([{ count: seen.length, more: false }, ...totals.slice(1).map(() => undefined)])
    const all = await api.data('problems', 'list', { limit: 100 }, t['leader-demo'])
    expect(seen).toEqual(all.items.map((p: { id: string }) => p.id))
    expect(new Set(seen).size).toBe(seen.length)
    expect(code(await api.call('problems', 'list', { cursor: 'garbage' }, t['leader-demo']))).toBe('VALIDATION_FAILED')
    const labour = await api.data('problems', 'list', { category: 'labour', limit: 100 }, t['leader-demo'])
    expect(labour.items).toHaveLength(5)
    expect(labour.total).toEqual({ count: 5, more: false })
  })

  // Issue 12, finding 6: staff could file a problem for any holder id. 代为登记 is for a holder the staff member served
  // lately (STAFF_RECORD_DAYS), a commissioner files for their assignees, and the refusal never tells whether the holder exists.
  it('lets staff record a problem only for a holder they served lately, and a commissioner only for an assignee', async () => {
    const holderOf = async (token: string) => (await api.data('cards', 'mine', {}, token)).items[0].holder.id as string
    const qrOf = async (token: string) => {
      const { items } = await api.data('cards', 'mine', {}, token)
      return (await api.data('cards', 'token', { cardId: items[0].card.id }, token)).qr as string
    }
    const forHolder = (user: string, holderId: string) =>
      api.call('problems', 'submit', { category: 'policy', title: '代为登记的政策咨询', description: '现场反映：高企认定奖励如何申领？', idempotencyKey: idem(), holderId }, t[user])
    const demo = await holderOf(t['holder-demo'])
    const other = await holderOf(t['holder-other'])
    const nobody = '0b8f4d2e-3c1a-4e5f-9a7b-1c2d3e4f5a6b'

    // staff-demo checked holder-demo in yesterday, at a session on their roster (the demo data).
    const recorded = await forHolder('staff-demo', demo)
    expect(recorded.status).toBe(200)
    expect((await get((recorded.body as { data: { id: string } }).data.id, 'staff-demo')).source).toBe('staff')

    // Never served: refused, and a holder id that does not exist gets the very same answer.
    const refused = await forHolder('staff-demo', other)
    expect(refused).toMatchObject({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('近7天') } } })
    expect(await forHolder('staff-demo', nobody)).toEqual(refused)

    // A check-in at a session staff-demo is not rostered on does not count for them; their own card check does.
    const { items: stationList } = await api.data('stations', 'list', {}, t['admin-demo'])
    const elsewhere = await api.data('stations', 'createSession', { stationId: stationList[0].id, kind: 'expert', date: '2026-09-29', start: '16:00', end: '17:00', slotMinutes: 60, capacity: 5 }, t['admin-demo'])
    await api.data('bookings', 'checkIn', { sessionId: elsewhere.id, qr: await qrOf(t['holder-other']) }, t['admin-demo'])
    expect(await forHolder('staff-demo', other)).toEqual(refused)
    await api.data('cards', 'verify', { qr: await qrOf(t['holder-other']) }, t['staff-demo'])
    expect((await forHolder('staff-demo', other)).status).toBe(200)

    // A home visit staff-demo is sent on, today, counts too.
    const visited = await newHolder(api, t['admin-demo'], `home-visited-${store}`)
    const request = await api.data('bookings', 'requestHomeVisit', { address: '威海市环翠区海滨北路88号', topic: '用工政策咨询', preferredDates: ['2026-09-29'], idempotencyKey: idem() }, visited)
    expect(await forHolder('staff-demo', request.holderId)).toEqual(refused)
    const staffId = (await api.data('auth', 'me', {}, t['staff-demo'])).user.id
    await api.data('bookings', 'scheduleHomeVisit', { requestId: request.id, date: '2026-09-29', staffIds: [staffId] }, t['staff-demo'])
    expect((await forHolder('staff-demo', request.holderId)).status).toBe(200)

    // The commissioner: their assignee yes; anyone else, existing or not, the same refusal.
    const forAssignee = await forHolder('commissioner-demo', demo)
    expect(forAssignee.status).toBe(200)
    expect((await get((forAssignee.body as { data: { id: string } }).data.id, 'commissioner-demo')).source).toBe('commissioner')
    const notAssigned = await forHolder('commissioner-demo', other)
    expect(notAssigned).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
    expect(await forHolder('commissioner-demo', nobody)).toEqual(notAssigned)
    // Nobody else files for a holder.
    for (const user of ['handler-demo', 'leader-demo', 'admin-demo']) expect(code(await forHolder(user, demo))).toBe('FORBIDDEN')
  })

  it('shows the commissioner their assignees and logs contacts', async () => {
    const { items } = await api.data('commissioners', 'assignees', {}, t['commissioner-demo'])
    const enterprise = items.find((a: { name: string }) => a.name === '威海海川科技有限公司')
    expect(enterprise.openProblems).toBeGreaterThan(0)
    const logged = await api.data('commissioners', 'logContact', { holderId: enterprise.holderId, kind: 'visit', at: '2026-09-29T09:00:00+08:00', note: '走访企业，了解扩产用地需求' }, t['commissioner-demo'])
    expect(logged.kind).toBe('visit')
    const after = await api.data('commissioners', 'assignees', {}, t['commissioner-demo'])
    expect(after.items.find((a: { holderId: string }) => a.holderId === enterprise.holderId)).toMatchObject({ contactOverdue: false, lastContactAt: '2026-09-29T01:00:00.000Z' })
    const other = (await api.data('problems', 'mine', {}, t['holder-other'])).items[0]
    expect(code(await api.call('commissioners', 'logContact', { holderId: other.holderId, kind: 'call', at: '2026-09-29T09:00:00+08:00', note: '电话联系' }, t['commissioner-demo']))).toBe('NOT_FOUND')
    const future = await api.call('commissioners', 'logContact', { holderId: enterprise.holderId, kind: 'call', at: '2026-10-30T09:00:00+08:00', note: '未来的联系' }, t['commissioner-demo'])
    expect(future.status).toBeGreaterThanOrEqual(400)
    expect(future.status).toBeLessThan(500)
  })
})

describeOnPostgres('the problem ledger under concurrency and time on PostgreSQL', () => {
  let host: RunningHost
  let api: ApiClient
  let db: Client
  const t: Record<string, string> = {}

  beforeAll(async () => {
    host = await startHost('postgres', { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'staff-demo', 'handler-demo', 'admin-demo', 'leader-demo']) t[user] = await api.login(user)
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
  })
  afterAll(async () => {
    await db?.end()
    await host?.stop()
  })

  async function assignedProblem(): Promise<string> {
    const { id } = await api.data('problems', 'submit', { category: 'environment', title: '环评审批', description: '技改项目环评审批进度', idempotencyKey: `pg-${Math.random().toString(36).slice(2)}-key` }, t['holder-demo'])
    await api.data('problems', 'defer', { id, version: 0, explanation: '需环保部门审查', suggestion: '补充环评报告', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, t['staff-demo'])
    const { departments } = await api.data('problems', 'directory', {}, t['admin-demo'])
    const zrzy = departments.find((d: { name: string }) => d.name === '区自然资源局').id
    await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy }, t['admin-demo'])
    return id
  }

  it('takes a staff member’s service for 代为登记 back to the same weekday of the week before, and no further', async () => {
    const demo = (await api.data('cards', 'mine', {}, t['holder-demo'])).items[0].holder.id
    const forDemo = () =>
      api.call('problems', 'submit', { category: 'policy', title: '代为登记', description: '上周服务日反映的问题', idempotencyKey: `pg-${Math.random().toString(36).slice(2)}-key`, holderId: demo }, t['staff-demo'])
    // The demo's visit (yesterday, checked in by staff-demo at a session on their roster), moved back in time.
    const visitAt = (instant: string) => db.query('UPDATE visits SET checked_in_at = $1 WHERE holder_id = $2', [instant, demo])
    await visitAt('2026-09-22T00:00:00+08:00')
    expect((await forDemo()).status).toBe(200)
    await visitAt('2026-09-21T23:59:59+08:00')
    expect(await forDemo()).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
  })

  it('lets exactly one of two simultaneous transitions win', async () => {
    const id = await assignedProblem()
    const replies = await Promise.all([
      api.call('problems', 'sign', { id, version: 2 }, t['handler-demo']),
      api.call('problems', 'sendBack', { id, version: 2, reason: '不属于本部门职责' }, t['handler-demo']),
    ])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    expect(replies.find((r) => r.status === 409)!.body).toMatchObject({ error: { code: 'STALE_VERSION' } })
    const { rows } = await db.query('SELECT version, (SELECT count(*)::int FROM problem_events e WHERE e.problem_id = p.id) AS events FROM problems p WHERE id = $1', [id])
    expect(rows[0]).toEqual({ version: 3, events: 4 })
  })

  it('marks a missed deadline once, in the timeline, with a notice for the leader', async () => {
    const id = await assignedProblem()
    // Two days pass without a signature: move the round back instead of the clock forward.
    await db.query(`UPDATE problems SET assigned_at = assigned_at - interval '5 days', sign_by = sign_by - interval '5 days' WHERE id = $1`, [id])
    const first = await api.data('jobs', 'run', { job: 'overdue' }, t['admin-demo'])
    expect(first.changed).toBeGreaterThanOrEqual(1)
    expect((await api.data('jobs', 'run', { job: 'overdue' }, t['admin-demo'])).changed).toBe(0)
    const detail = await api.data('problems', 'get', { id }, t['leader-demo'])
    expect(detail).toMatchObject({ overdue: true, nextDeadline: { kind: 'sign', overdue: true } })
    expect(detail.timeline.filter((e: { action: string }) => e.action === 'markOverdue')).toEqual([
      expect.objectContaining({ actorName: '系统', actorRole: 'system', note: '超过签收时限' }),
    ])
    const overdueLedger = await api.data('problems', 'list', { overdue: true }, t['leader-demo'])
    expect(overdueLedger.items.map((p: { id: string }) => p.id)).toContain(id)
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE template = 'problem.overdue' AND data->>'problemId' = $1`, [id])
    expect(rows[0].n).toBeGreaterThanOrEqual(1)
    expect(code(await api.call('jobs', 'run', { job: 'overdue' }, t['leader-demo']))).toBe('FORBIDDEN')
  })
})

function code(reply: { body: unknown }) {
  return (reply.body as { error?: { code: string } }).error?.code
}
