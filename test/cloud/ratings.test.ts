import { Client } from 'pg'
import { chineseDate } from '../../src/core/notification/notification.wechat'
import { openStore, type Store } from '../../cloud/db/store'
import { remindRectifications } from '../../cloud/functions/ratings/rectification-due.job'
import { apiClient, type ApiClient } from '../support/api'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(180_000)

// Wednesday 30 September 2026, 10:00 in Shanghai, the last working day before the National Day holiday (1–7 October;
// Saturday 10 October is a 调休 working day). A bad rating now: return visit by the end of Thursday 8 October (1 working
// day), rectification and reply by the end of Tuesday 27 October (15 working days, the Saturday counted).
const CLOCK_START = '2026-09-30T10:00:00+08:00'
const TODAY = '2026-09-30'
const MONTH = '2026-09'
const RETURN_VISIT_BY = '2026-10-08T15:59:59.999Z'
const RECTIFY_BY = '2026-10-27T15:59:59.999Z'
const USERS = ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'handler-approval', 'leader-demo', 'admin-demo']

type Reply = { status: number; body: unknown }
const code = (reply: Reply) => (reply.body as { error?: { code: string } }).error?.code
const good = { attitude: 5, quality: 5, effectiveness: 4 }
const poor = { attitude: 2, quality: 4, effectiveness: 4, comment: '窗口人员态度生硬' }

/** What the tests do with the host: sign in, serve holders at a station (check-in) or through a problem. */
async function fixture(host: RunningHost) {
  const api = apiClient(host.url)
  const t: Record<string, string> = {}
  for (const user of USERS) t[user] = await api.login(user)
  const directory = await api.data('stations', 'directory', {}, t['admin-demo'])
  const staffId: string = directory.staff.find((s: { name: string }) => s.name.includes('王芳')).id
  const xzsp: string = directory.departments.find((d: { name: string }) => d.name === '区行政审批服务局').id
  const zrzy: string = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
  const stations = await api.data('stations', 'list', {}, t['admin-demo'])
  const centre: string = stations.items.find((s: { name: string }) => s.name === '环翠区政务服务中心流动站').id
  const { leaders } = await api.data('problems', 'directory', {}, t['admin-demo'])
  const leaderId: string = leaders[0].id
  let key = 0

  /** A holder checked in by staff-demo (department 行政审批服务局) at a session of today: a served visit. */
  async function servedVisit(holder = 'holder-demo'): Promise<string> {
    const session = await api.data(
      'stations',
      'createSession',
      { stationId: centre, kind: 'expert', date: TODAY, start: '09:00', end: '18:00', slotMinutes: 60, capacity: 5, staffIds: [staffId] },
      t['admin-demo'],
    )
    const cardId = (await api.data('cards', 'mine', {}, t[holder])).items[0].card.id
    const { qr } = await api.data('cards', 'token', { cardId }, t[holder])
    const { visit } = await api.data('bookings', 'checkIn', { sessionId: session.id, qr }, t['staff-demo'])
    return visit.id
  }

  const submitProblem = async (holder = 'holder-demo', title = '企业开办咨询') =>
    (await api.data('problems', 'submit', { category: 'other', title, description: '新设分公司需要办理哪些手续？', idempotencyKey: `rating-${host.store}-${++key}-key` }, t[holder])).id as string

  /** Answered on the spot by staff-demo and confirmed by the holder: closed, no department on the problem. */
  async function answeredProblem(holder = 'holder-demo'): Promise<string> {
    const id = await submitProblem(holder)
    await api.data('problems', 'answer', { id, version: 0, reply: '可在政务服务网一网通办，材料清单已发送' }, t['staff-demo'])
    await api.data('problems', 'confirm', { id, version: 1 }, t[holder])
    return id
  }

  /** Deferred, assigned to 自然资源局 with a responsible leader, signed and resolved by handler-demo. */
  async function resolvedProblem(holder = 'holder-demo'): Promise<string> {
    const id = await submitProblem(holder, '用地指标')
    await api.data('problems', 'defer', { id, version: 0, explanation: '需自然资源局核实', suggestion: '准备规划方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, t['staff-demo'])
    await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy, leaderId }, t['admin-demo'])
    await api.data('problems', 'sign', { id, version: 2 }, t['handler-demo'])
    await api.data('problems', 'resolve', { id, version: 3, resolution: '已纳入年度用地计划' }, t['handler-demo'])
    return id
  }

  const rate = (targetType: 'visit' | 'problem', targetId: string, scores: object, user = 'holder-demo') =>
    api.call('ratings', 'submit', { targetType, targetId, ...scores }, t[user])

  return { api, t, xzsp, zrzy, leaderId, servedVisit, submitProblem, answeredProblem, resolvedProblem, rate }
}

describe.each(storesUnderTest())('ratings through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  let f: Awaited<ReturnType<typeof fixture>>
  let t: Record<string, string>

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    f = await fixture(host)
    api = f.api
    t = f.t
  })
  afterAll(() => host?.stop())

  const scoresOf = async (user: string, payload: object = {}) => api.data('ratings', 'scores', { month: MONTH, ...payload }, t[user])

  it('lists what the holder was served and has not rated, newest first; staff see no rating at all', async () => {
    const { items: before } = await api.data('ratings', 'pending', {}, t['holder-demo'])
    // The demo data: yesterday's station day, where staff-demo checked holder-demo in.
    expect(before).toEqual([
      { targetType: 'visit', targetId: expect.any(String), title: '流动服务站 · 环翠区政务服务中心流动站 · 2026年9月29日', servedAt: '2026-09-29T01:20:00.000Z' },
    ])
    const visitId = await f.servedVisit()
    const problemId = await f.answeredProblem()
    const { items } = await api.data('ratings', 'pending', {}, t['holder-demo'])
    expect(items.map((i: { targetId: string }) => i.targetId)).toEqual([problemId, visitId, before[0].targetId])
    expect(items[0].title).toMatch(/^P2026-\d{6} 企业开办咨询$/)
    expect(items[1].title).toBe(`专家诊断 · 环翠区政务服务中心流动站 · ${chineseDate(TODAY)}`)
    expect((await api.data('ratings', 'pending', {}, t['holder-other'])).items).toEqual([])

    for (const action of ['pending', 'mine']) expect(code(await api.call('ratings', action, {}, t['staff-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('ratings', 'rectifications', {}, t['staff-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('ratings', 'scores', { month: MONTH }, t['staff-demo']))).toBe('FORBIDDEN')
    expect(code(await f.rate('visit', visitId, good, 'staff-demo'))).toBe('FORBIDDEN')
  })

  it('takes a visit rating once: a second one, someone else’s visit and an unknown visit are refused', async () => {
    const visitId = await f.servedVisit()
    // Somebody else's visit answers word for word as an id that does not exist: the answer tells which ids exist to nobody.
    const unknown = await f.rate('visit', '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', good, 'holder-other')
    expect(unknown).toEqual({ status: 404, body: { ok: false, error: { code: 'NOT_FOUND', message: '服务记录不存在' } } })
    expect(await f.rate('visit', visitId, good, 'holder-other')).toEqual(unknown)
    const first = await f.rate('visit', visitId, { ...good, comment: '工作人员很耐心' })
    expect(first.status).toBe(200)
    const view = (first.body as { data: Record<string, unknown> }).data
    expect(view).toMatchObject({
      targetType: 'visit',
      targetId: visitId,
      kind: 'initial',
      ...good,
      comment: '工作人员很耐心',
      bad: false,
      departmentId: f.xzsp,
      departmentName: '区行政审批服务局',
      appealStatus: 'none',
      rectification: null,
      followUp: null,
      availableActions: [],
    })
    const again = await f.rate('visit', visitId, { attitude: 1, quality: 1, effectiveness: 1 })
    expect(again).toMatchObject({ status: 409, body: { ok: false, error: { code: 'ALREADY_RATED' } } })
    expect(await f.rate('visit', visitId, good, 'holder-other')).toEqual(unknown)
    expect(await f.rate('visit', '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', good)).toEqual(unknown)
    const pending = await api.data('ratings', 'pending', {}, t['holder-demo'])
    expect(pending.items.map((i: { targetId: string }) => i.targetId)).not.toContain(visitId)
    const mine = await api.data('ratings', 'mine', {}, t['holder-demo'])
    expect(mine.items.find((r: { targetId: string }) => r.targetId === visitId)).toMatchObject({ id: view.id, attitude: 5 })
    expect((await api.data('ratings', 'mine', {}, t['holder-other'])).items).toEqual([])
  })

  it('refuses a problem rating before the problem is resolved, and hides other holders’ problems', async () => {
    const problemId = await f.submitProblem()
    expect(code(await f.rate('problem', problemId, good))).toBe('NOT_SERVED_YET')
    expect(await f.rate('problem', problemId, good, 'holder-other')).toEqual(await f.rate('problem', '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', good, 'holder-other'))
    expect(code(await f.rate('problem', problemId, good, 'holder-other'))).toBe('NOT_FOUND')
    // Submitted, not answered yet: nothing to rate.
    expect(code(await f.rate('problem', problemId, good))).toBe('NOT_SERVED_YET')
    // Answered on the spot: rateable at once, before the holder confirms.
    await api.data('problems', 'answer', { id: problemId, version: 0, reply: '可在政务服务网一网通办' }, t['staff-demo'])
    const rated = await api.data('ratings', 'submit', { targetType: 'problem', targetId: problemId, ...good }, t['holder-demo'])
    // Answered on the spot, no department on the problem: the department of the staff member who answered.
    expect(rated).toMatchObject({ targetType: 'problem', departmentId: f.xzsp, title: expect.stringMatching(/企业开办咨询$/) })
    expect(code(await f.rate('problem', problemId, good))).toBe('ALREADY_RATED')
  })

  it('opens a rectification for a bad rating with working-day deadlines, then takes one follow-up beside the first', async () => {
    const visitId = await f.servedVisit()
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: visitId, ...poor }, t['holder-demo'])
    expect(rating).toMatchObject({
      bad: true,
      rectification: { status: 'open', returnVisitBy: RETURN_VISIT_BY, rectifyBy: RECTIFY_BY, returnVisitOnTime: null, rectifiedOnTime: null, overdue: [] },
      availableActions: [],
    })

    // The department (行政审批服务局) sees it with the holder's phone; a leader sees it masked; another department not at all.
    const forDepartment = await api.data('ratings', 'rectifications', { status: 'open' }, t['handler-approval'])
    const item = forDepartment.items.find((i: { ratingId: string }) => i.ratingId === rating.id)
    expect(item).toMatchObject({ status: 'open', holderName: '威海海川科技有限公司', contactPhone: '13906311234', departmentName: '区行政审批服务局' })
    expect(item.rating.availableActions).toEqual(['recordReturnVisit', 'appeal'])
    const forLeader = await api.data('ratings', 'rectifications', {}, t['leader-demo'])
    expect(forLeader.items.find((i: { ratingId: string }) => i.ratingId === rating.id).contactPhone).toBe('139****1234')
    const forOther = await api.data('ratings', 'rectifications', {}, t['handler-demo'])
    expect(forOther.items.map((i: { ratingId: string }) => i.ratingId)).not.toContain(rating.id)
    expect(code(await api.call('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已电话回访' }, t['handler-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已电话回访' }, t['leader-demo']))).toBe('FORBIDDEN')

    // Steps in order: no follow-up before the rectification, no rectification before the return visit.
    const followUp = { ratingId: rating.id, attitude: 4, quality: 5, effectiveness: 4, comment: '整改后态度明显改善' }
    expect(code(await api.call('ratings', 'followUp', followUp, t['holder-demo']))).toBe('FOLLOW_UP_NOT_ALLOWED')
    expect(code(await api.call('ratings', 'rectify', { ratingId: rating.id, note: '已整改' }, t['handler-approval']))).toBe('INVALID_TRANSITION')
    const visited = await api.data('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已电话回访企业，致歉并了解诉求' }, t['handler-approval'])
    expect(visited).toMatchObject({ status: 'visited', returnVisitOnTime: true, returnVisitNote: '已电话回访企业，致歉并了解诉求', rating: { rectification: { status: 'visited' } } })
    const rectified = await api.data('ratings', 'rectify', { ratingId: rating.id, note: '已对窗口人员开展服务规范培训，并书面答复企业' }, t['handler-approval'])
    expect(rectified).toMatchObject({ status: 'rectified', rectifiedOnTime: true, overdue: [] })
    expect(code(await api.call('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '再次回访' }, t['handler-approval']))).toBe('RECTIFICATION_CLOSED')

    expect(code(await api.call('ratings', 'followUp', followUp, t['holder-other']))).toBe('NOT_FOUND')
    const withFollowUp = await api.data('ratings', 'followUp', followUp, t['holder-demo'])
    expect(withFollowUp).toMatchObject({ id: rating.id, kind: 'initial', attitude: 2, availableActions: [] })
    expect(withFollowUp.followUp).toMatchObject({ kind: 'followUp', targetId: visitId, attitude: 4, quality: 5, comment: '整改后态度明显改善', bad: false, followUp: null })
    expect(code(await api.call('ratings', 'followUp', { ...followUp, attitude: 5 }, t['holder-demo']))).toBe('ALREADY_RATED')

    const mine = await api.data('ratings', 'mine', {}, t['holder-demo'])
    const shown = mine.items.filter((r: { targetId: string }) => r.targetId === visitId)
    expect(shown).toHaveLength(1)
    expect(shown[0]).toMatchObject({ id: rating.id, rectification: { status: 'rectified', rectificationNote: expect.stringContaining('培训') }, followUp: { attitude: 4 } })
  })

  it('lets the department appeal a bad rating once; the admin removes it: marked, out of the scores, task withdrawn', async () => {
    const before = await scoresOf('leader-demo', { departmentId: f.xzsp })
    const visitId = await f.servedVisit()
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: visitId, attitude: 1, quality: 1, effectiveness: 1, comment: '乱评' }, t['holder-demo'])
    const counted = await scoresOf('leader-demo', { departmentId: f.xzsp })
    const summary = (scores: { departments: Array<{ count: number; badCount: number }> }) => scores.departments[0] ?? { count: 0, badCount: 0 }
    expect(summary(counted)).toMatchObject({ count: summary(before).count + 1, badCount: summary(before).badCount + 1 })

    expect(code(await api.call('ratings', 'appeal', { ratingId: rating.id, reason: '恶意差评' }, t['handler-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('ratings', 'appeal', { ratingId: rating.id, reason: '恶意差评' }, t['holder-demo']))).toBe('FORBIDDEN')
    const appealed = await api.data('ratings', 'appeal', { ratingId: rating.id, reason: '当日该企业未到窗口办事，系恶意差评，附签到记录' }, t['handler-approval'])
    expect(appealed.rating).toMatchObject({ appealStatus: 'pending', appealReason: expect.stringContaining('恶意差评') })
    expect(appealed.rating.availableActions).toEqual(['recordReturnVisit'])
    expect(code(await api.call('ratings', 'appeal', { ratingId: rating.id, reason: '再次申诉' }, t['handler-approval']))).toBe('ALREADY_APPEALED')
    expect(code(await api.call('ratings', 'decideAppeal', { ratingId: rating.id, uphold: false, reason: '核实' }, t['leader-demo']))).toBe('FORBIDDEN')
    const forAdmin = await api.data('ratings', 'rectifications', {}, t['admin-demo'])
    expect(forAdmin.items.find((i: { ratingId: string }) => i.ratingId === rating.id).rating.availableActions).toEqual(['decideAppeal'])
    const appealsOf = async (appeal: string) =>
      (await api.data('ratings', 'rectifications', { appeal }, t['admin-demo'])).items.map((i: { ratingId: string; rating: { appealStatus: string } }) => [i.ratingId, i.rating.appealStatus])
    expect(await appealsOf('pending')).toEqual([[rating.id, 'pending']])

    const removed = await api.data('ratings', 'decideAppeal', { ratingId: rating.id, uphold: false, reason: '经核查签到记录，申诉成立' }, t['admin-demo'])
    expect(removed).toMatchObject({ status: 'withdrawn', rating: { appealStatus: 'removed', appealDecisionReason: '经核查签到记录，申诉成立' } })
    expect(code(await api.call('ratings', 'decideAppeal', { ratingId: rating.id, uphold: true, reason: '改判' }, t['admin-demo']))).toBe('APPEAL_NOT_PENDING')
    expect(await appealsOf('pending')).toEqual([])
    expect(await appealsOf('removed')).toEqual([[rating.id, 'removed']])
    expect(code(await api.call('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已回访' }, t['handler-approval']))).toBe('RECTIFICATION_CLOSED')
    expect(code(await api.call('ratings', 'followUp', { ratingId: rating.id, ...good }, t['holder-demo']))).toBe('FOLLOW_UP_NOT_ALLOWED')
    // Still in the holder's record, marked; no longer counted.
    const mine = await api.data('ratings', 'mine', {}, t['holder-demo'])
    expect(mine.items.find((r: { id: string }) => r.id === rating.id)).toMatchObject({ appealStatus: 'removed', attitude: 1 })
    expect(await scoresOf('leader-demo', { departmentId: f.xzsp })).toEqual(before)
    expect((await api.data('ratings', 'rectifications', { status: 'withdrawn' }, t['handler-approval'])).items.map((i: { ratingId: string }) => i.ratingId)).toEqual([rating.id])
  })

  it('keeps an upheld rating in the scores and its rectification running; a rating that is not bad cannot be appealed', async () => {
    const visitId = await f.servedVisit()
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: visitId, attitude: 3, quality: 2, effectiveness: 3 }, t['holder-demo'])
    const counted = await scoresOf('handler-approval')
    await api.data('ratings', 'appeal', { ratingId: rating.id, reason: '企业诉求超出本部门职责' }, t['handler-approval'])
    const upheld = await api.data('ratings', 'decideAppeal', { ratingId: rating.id, uphold: true, reason: '服务确有不足，评价有效' }, t['admin-demo'])
    expect(upheld).toMatchObject({ status: 'open', rating: { appealStatus: 'upheld', appealDecisionReason: '服务确有不足，评价有效' } })
    expect(await scoresOf('handler-approval')).toEqual(counted)
    expect((await api.data('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已上门回访' }, t['handler-approval'])).status).toBe('visited')

    const fine = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...good }, t['holder-demo'])
    expect(code(await api.call('ratings', 'appeal', { ratingId: fine.id, reason: '不认可' }, t['handler-approval']))).toBe('APPEAL_NOT_ALLOWED')
    expect(code(await api.call('ratings', 'recordReturnVisit', { ratingId: fine.id, note: '回访' }, t['handler-approval']))).toBe('NOT_FOUND')
  })

  it('computes the month’s scores per department and per staff member from the rating rows', async () => {
    // 自然资源局 is rated only here: four problems resolved by handler-demo (刘强).
    const [a, b, c, d] = [await f.resolvedProblem(), await f.resolvedProblem(), await f.resolvedProblem(), await f.resolvedProblem('holder-other')]
    await api.data('ratings', 'submit', { targetType: 'problem', targetId: a, attitude: 5, quality: 5, effectiveness: 5 }, t['holder-demo'])
    await api.data('ratings', 'submit', { targetType: 'problem', targetId: b, attitude: 4, quality: 3, effectiveness: 4 }, t['holder-demo'])
    const bad = await api.data('ratings', 'submit', { targetType: 'problem', targetId: c, attitude: 1, quality: 2, effectiveness: 3 }, t['holder-demo'])
    const removed = await api.data('ratings', 'submit', { targetType: 'problem', targetId: d, attitude: 2, quality: 2, effectiveness: 2 }, t['holder-other'])
    expect(bad).toMatchObject({ departmentId: f.zrzy, departmentName: '区自然资源局' })
    await api.data('ratings', 'recordReturnVisit', { ratingId: bad.id, note: '已回访企业' }, t['handler-demo'])
    await api.data('ratings', 'rectify', { ratingId: bad.id, note: '已加快供地手续并答复' }, t['handler-demo'])
    await api.data('ratings', 'appeal', { ratingId: removed.id, reason: '与办理无关的恶意差评' }, t['handler-demo'])
    await api.data('ratings', 'decideAppeal', { ratingId: removed.id, uphold: false, reason: '申诉成立' }, t['admin-demo'])
    await api.data('ratings', 'followUp', { ratingId: bad.id, attitude: 5, quality: 5, effectiveness: 5 }, t['holder-demo'])

    // Counted: 5/5/5, 4/3/4 and 1/2/3 (the follow-up and the removed rating are not).
    const expected = {
      count: 3,
      attitude: 3.3, // 10 / 3
      quality: 3.3, // 10 / 3
      effectiveness: 4, // 12 / 3
      satisfiedCount: 1,
      satisfactionRate: 1 / 3,
      badCount: 1,
      rectifiedCount: 1,
      rectifiedOnTime: 1,
    }
    const scores = await scoresOf('leader-demo', { departmentId: f.zrzy })
    expect(scores).toEqual({
      month: MONTH,
      departments: [{ departmentId: f.zrzy, name: '区自然资源局', ...expected }],
      staff: [{ staffId: expect.any(String), name: '刘强（自然资源局）', departmentId: f.zrzy, ...expected }],
    })
    expect(await scoresOf('handler-demo')).toEqual(scores)
    expect(code(await api.call('ratings', 'scores', { month: MONTH, departmentId: f.xzsp }, t['handler-demo']))).toBe('FORBIDDEN')
    const all = await scoresOf('admin-demo')
    expect(all.departments.map((x: { name: string }) => x.name).sort()).toEqual(['区自然资源局', '区行政审批服务局'].sort())
    expect(all.staff.find((s: { name: string }) => s.name.startsWith('王芳'))).toMatchObject({ departmentId: f.xzsp })
    expect(await scoresOf('admin-demo', { month: '2026-10' })).toEqual({ month: '2026-10', departments: [], staff: [] })
  })
})

describeOnPostgres('ratings under concurrency, notices and reminders on PostgreSQL', () => {
  let host: RunningHost
  let api: ApiClient
  let f: Awaited<ReturnType<typeof fixture>>
  let t: Record<string, string>
  let db: Client
  let store: Store
  const userId: Record<string, string> = {}

  beforeAll(async () => {
    host = await startHost('postgres', { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    f = await fixture(host)
    api = f.api
    t = f.t
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
    const { rows } = await db.query(`SELECT id, openid FROM users WHERE openid LIKE 'dev:%'`)
    for (const row of rows) userId[row.openid.slice(4)] = row.id
    store = await openStore({ databaseUrl: host.env.DATABASE_URL, poolSize: 2 })
  })
  afterAll(async () => {
    await store?.close()
    await db?.end()
    await host?.stop()
  })

  const outboxOf = async (template: string, ratingId: string) =>
    (await db.query(`SELECT user_id, dedupe_key, data FROM outbox WHERE template = $1 AND data->>'ratingId' = $2 ORDER BY user_id, dedupe_key`, [template, ratingId])).rows

  it('takes exactly one of two simultaneous ratings of the same visit', async () => {
    const visitId = await f.servedVisit()
    const replies = await Promise.all([f.rate('visit', visitId, good), f.rate('visit', visitId, { attitude: 1, quality: 1, effectiveness: 1 })])
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
    expect(code(replies.find((r) => r.status === 409)!)).toBe('ALREADY_RATED')
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ratings WHERE target_id = $1`, [visitId])
    expect(rows[0].n).toBe(1)
    const events = await db.query(`SELECT count(*)::int AS n FROM rating_events e JOIN ratings r ON r.id = e.rating_id WHERE r.target_id = $1`, [visitId])
    expect(events.rows[0].n).toBe(1)
  })

  it('tells the administrators of an appeal and the department’s handlers of the decision, once each', async () => {
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...poor }, t['holder-demo'])
    await api.data('ratings', 'appeal', { ratingId: rating.id, reason: '企业当日未到站，系误评' }, t['handler-approval'])
    const appealed = await outboxOf('rating.appealed', rating.id)
    expect(appealed.map((r) => [r.user_id, r.data.reason, r.data.departmentName])).toEqual([[userId['admin-demo'], '企业当日未到站，系误评', '区行政审批服务局']])
    await api.data('ratings', 'decideAppeal', { ratingId: rating.id, uphold: true, reason: '签到记录显示企业到站，评价有效' }, t['admin-demo'])
    const decided = await outboxOf('rating.appealDecided', rating.id)
    expect(decided.map((r) => [r.user_id, r.data.outcome, r.data.taskWithdrawn])).toEqual([[userId['handler-approval'], 'upheld', false]])
  })

  it('takes exactly one of two simultaneous follow-ups', async () => {
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...poor }, t['holder-demo'])
    await api.data('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已回访' }, t['handler-approval'])
    await api.data('ratings', 'rectify', { ratingId: rating.id, note: '已整改并答复' }, t['handler-approval'])
    const replies = await Promise.all([1, 2].map(() => api.call('ratings', 'followUp', { ratingId: rating.id, ...good }, t['holder-demo'])))
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409])
  })

  it('notifies the department’s handlers and the leader of a bad rating, once each', async () => {
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...poor }, t['holder-demo'])
    const rows = await outboxOf('rating.bad', rating.id)
    expect(rows.map((r) => r.user_id).sort()).toEqual([userId['handler-approval'], userId['leader-demo']].sort())
    for (const row of rows) {
      expect(row.dedupe_key).toBe(`rating.bad:${rating.id}:${row.user_id}`)
      expect(row.data).toEqual({ ratingId: rating.id, targetType: 'visit', lowest: 2, departmentName: '区行政审批服务局', returnVisitBy: RETURN_VISIT_BY, rectifyBy: RECTIFY_BY })
    }
    // A good rating notifies nobody.
    const fine = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...good }, t['holder-demo'])
    expect(await outboxOf('rating.bad', fine.id)).toEqual([])
    // A problem's bad rating goes to its department (自然资源局) and its named leader.
    const problem = await api.data('ratings', 'submit', { targetType: 'problem', targetId: await f.resolvedProblem(), attitude: 4, quality: 4, effectiveness: 1 }, t['holder-demo'])
    expect((await outboxOf('rating.bad', problem.id)).map((r) => r.user_id).sort()).toEqual([userId['handler-demo'], f.leaderId].sort())
  })

  it('reminds of each missed rectification deadline once, however often the job runs', async () => {
    const rating = await api.data('ratings', 'submit', { targetType: 'visit', targetId: await f.servedVisit(), ...poor }, t['holder-demo'])
    const recipients = [userId['handler-approval'], userId['leader-demo']].sort()
    const dueOf = async () => (await outboxOf('rectification.due', rating.id)).map((r) => `${r.data.deadline}:${r.user_id}`).sort()

    expect(await remindRectifications(store.db, new Date('2026-10-08T23:00:00+08:00'))).toBe(0)
    expect(await dueOf()).toEqual([])
    const afterReturnVisitDeadline = new Date('2026-10-09T08:00:00+08:00')
    expect(await remindRectifications(store.db, afterReturnVisitDeadline)).toBeGreaterThanOrEqual(1)
    expect(await remindRectifications(store.db, afterReturnVisitDeadline)).toBe(0)
    expect(await dueOf()).toEqual(recipients.map((u) => `returnVisit:${u}`).sort())

    // The return visit is recorded (its reminder stays sent); then the rectification deadline passes too.
    await api.data('ratings', 'recordReturnVisit', { ratingId: rating.id, note: '已回访' }, t['handler-approval'])
    const afterRectifyDeadline = new Date('2026-10-28T08:00:00+08:00')
    await remindRectifications(store.db, afterRectifyDeadline)
    expect(await remindRectifications(store.db, afterRectifyDeadline)).toBe(0)
    expect(await dueOf()).toEqual([...recipients.map((u) => `returnVisit:${u}`), ...recipients.map((u) => `rectify:${u}`)].sort())
    const { rows } = await db.query(`SELECT due_notified FROM rectifications WHERE rating_id = $1`, [rating.id])
    expect(rows[0].due_notified).toEqual(['returnVisit', 'rectify'])
    const events = await db.query(`SELECT action, actor_role, note FROM rating_events WHERE rating_id = $1 ORDER BY id`, [rating.id])
    expect(events.rows.map((e) => e.action)).toEqual(['submit', 'markOverdue', 'recordReturnVisit', 'markOverdue'])
    expect(events.rows[1]).toMatchObject({ actor_role: 'system', note: '超过回访时限' })
  })
})
