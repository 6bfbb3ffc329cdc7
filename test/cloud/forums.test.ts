import { Client } from 'pg'
import { apiClient, type ApiClient } from '../support/api'
import { newHolder } from '../support/holders'
import { startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(240_000)

// Tuesday 1 December 2026; the breakfast meeting is on Thursday 10 December, 07:30–09:00 in Shanghai.
const CLOCK_START = '2026-12-01T10:00:00+08:00'
const AFTER_MEETING = '2026-12-10T09:30:00+08:00'
const RACERS = 24
const SEATS = 8

type Reply = { status: number; body: unknown }
const code = (reply: Reply) => (reply.body as { error?: { code: string } }).error?.code
const message = (reply: Reply) => (reply.body as { error?: { message: string } }).error?.message

// Seats are raced for: real only on a server (PGlite runs one statement at a time).
describeOnPostgres('the quarterly forum (政企座谈会) on PostgreSQL', () => {
  let host: RunningHost
  let later: RunningHost
  let api: ApiClient
  let db: Client
  const t: Record<string, string> = {}
  let racers: string[]
  let stationId: string
  let zrzy: string
  let forumId: string
  const topics: Record<string, string> = {}
  /** A racer who kept their seat. */
  let seatedRacer: string

  const forum = (overrides: object = {}) => ({
    stationId,
    format: 'breakfast',
    title: '第四季度企业家早餐会',
    venue: '三楼会议室',
    date: '2026-12-10',
    start: '07:30',
    end: '09:00',
    capacity: SEATS,
    ...overrides,
  })

  beforeAll(async () => {
    host = await startHost('postgres', { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000', DB_POOL_SIZE: '30' })
    api = apiClient(host.url)
    for (const user of ['admin-demo', 'leader-demo', 'holder-demo', 'holder-other', 'handler-demo']) t[user] = await api.login(user)
    racers = await Promise.all(Array.from({ length: RACERS }, (_, i) => newHolder(api, t['admin-demo'], `forum-racer-${i}`)))
    stationId = (await api.data('stations', 'list', {}, t['admin-demo'])).items[0].id
    const directory = await api.data('stations', 'directory', {}, t['admin-demo'])
    zrzy = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
  })
  afterAll(async () => {
    await db?.end()
    await later?.stop()
    await host?.stop()
  })

  it('is created by administrators alone, and refuses bad input with a code and a Chinese message', async () => {
    for (const user of ['holder-demo', 'leader-demo', 'handler-demo']) expect(code(await api.call('forums', 'create', forum(), t[user]))).toBe('FORBIDDEN')
    const cases: Array<[string, object, number, string]> = [
      ['create', forum({ capacity: 1 }), 400, 'VALIDATION_FAILED'],
      ['create', forum({ end: '07:40' }), 400, 'VALIDATION_FAILED'],
      ['create', forum({ format: 'dinner' }), 400, 'VALIDATION_FAILED'],
      ['create', forum({ title: '会' }), 400, 'VALIDATION_FAILED'],
      ['create', forum({ date: '2026-11-30' }), 400, 'DATE_IN_PAST'],
      ['create', forum({ stationId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }), 404, 'NOT_FOUND'],
      ['get', { sessionId: 'nope' }, 400, 'VALIDATION_FAILED'],
      ['get', { sessionId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }, 404, 'NOT_FOUND'],
      ['settle', { topicId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', note: '' }, 400, 'VALIDATION_FAILED'],
      ['toProblem', { topicId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', departmentId: zrzy, category: 'bogus' }, 400, 'VALIDATION_FAILED'],
      ['settle', { topicId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f', note: '会上已答复' }, 404, 'NOT_FOUND'],
    ]
    for (const [action, payload, status, expected] of cases) {
      const reply = await api.call('forums', action, payload, t['admin-demo'])
      expect([action, reply.status, code(reply)]).toEqual([action, status, expected])
      expect(message(reply)).toMatch(/[\u4e00-\u9fa5]/)
    }
    const created = await api.data('forums', 'create', forum(), t['admin-demo'])
    forumId = created.sessionId
    expect(created).toMatchObject({ format: 'breakfast', title: '第四季度企业家早餐会', venue: '三楼会议室', date: '2026-12-10', capacity: SEATS, signedUp: 0, mySignUp: null, status: 'scheduled' })
    expect(created.start).toBe('2026-12-09T23:30:00.000Z')
    // A forum is a session of the booking engine, listed as one.
    const { items } = await api.data('stations', 'sessions', { from: '2026-12-10', to: '2026-12-10' }, t['holder-demo'])
    expect(items.find((s: { id: string }) => s.id === forumId)).toMatchObject({ kind: 'forum', slots: [{ capacity: SEATS, booked: 0 }] })
    expect((await api.data('forums', 'list', {}, t['holder-demo'])).items.map((f: { sessionId: string }) => f.sessionId)).toContain(forumId)
  })

  it(`seats exactly ${SEATS} of ${RACERS} enterprises signing up at once; signing up again answers the same sign-up`, async () => {
    const replies = await Promise.all(racers.map((token, i) => api.call('forums', 'signUp', { sessionId: forumId, idempotencyKey: `forum-race-${i}` }, token)))
    const accepted = replies.filter((r) => r.status === 200)
    expect(accepted).toHaveLength(SEATS)
    expect(replies.filter((r) => r.status !== 200).every((r) => r.status === 409 && code(r) === 'SLOT_FULL' && message(r) === '座谈会名额已满')).toBe(true)
    const { rows } = await db.query(
      `SELECT s.booked, (SELECT count(*)::int FROM bookings b WHERE b.session_id = s.session_id AND b.status <> 'cancelled') AS held FROM slots s WHERE s.session_id = $1`,
      [forumId],
    )
    expect(rows).toEqual([{ booked: SEATS, held: SEATS }])

    // One seat taken by the racers is given back, and holder-demo takes it: twice at once with two keys, then again.
    const seatedAt = replies.flatMap((r, i) => (r.status === 200 ? [i] : []))
    const seated = racers[seatedAt[0]]
    seatedRacer = racers[seatedAt[1]]
    const mine = (await api.data('forums', 'get', { sessionId: forumId }, seated)).mySignUp
    await api.data('bookings', 'cancel', { bookingId: mine.bookingId, reason: '临时有事' }, seated)
    const [a, b] = await Promise.all(['demo-signup-a', 'demo-signup-b'].map((key) => api.call('forums', 'signUp', { sessionId: forumId, idempotencyKey: key }, t['holder-demo'])))
    expect([a.status, b.status]).toEqual([200, 200])
    const again = await api.data('forums', 'signUp', { sessionId: forumId, idempotencyKey: 'demo-signup-c' }, t['holder-demo'])
    expect(again.mySignUp.bookingId).toBe((a.body as { data: { mySignUp: { bookingId: string } } }).data.mySignUp.bookingId)
    expect(again.signedUp).toBe(SEATS)
    const full = await api.call('forums', 'signUp', { sessionId: forumId, idempotencyKey: 'other-signup-1' }, t['holder-other'])
    expect([full.status, code(full)]).toEqual([409, 'SLOT_FULL'])
    expect(code(await api.call('forums', 'signUp', { sessionId: forumId, idempotencyKey: 'admin-signup-1' }, t['admin-demo']))).toBe('FORBIDDEN')
  })

  it('takes topics from signed-up holders before the meeting, once per key, and shows each holder only their own', async () => {
    const notSignedUp = await api.call('forums', 'submitTopic', { sessionId: forumId, title: '用地指标', description: '厂房扩建缺少用地指标。', idempotencyKey: 'other-topic-1' }, t['holder-other'])
    expect([notSignedUp.status, code(notSignedUp), message(notSignedUp)]).toEqual([409, 'FORUM_SIGN_UP_REQUIRED', '请先报名参加座谈会，再提交议题'])
    const short = await api.call('forums', 'submitTopic', { sessionId: forumId, title: '地', description: '短', idempotencyKey: 'demo-topic-0' }, t['holder-demo'])
    expect([short.status, code(short)]).toEqual([400, 'VALIDATION_FAILED'])

    const land = { sessionId: forumId, title: '厂房扩建用地指标', description: '二期厂房扩建缺少用地指标，希望协调。', idempotencyKey: 'demo-topic-1' }
    const [first, retry] = await Promise.all([api.data('forums', 'submitTopic', land, t['holder-demo']), api.data('forums', 'submitTopic', land, t['holder-demo'])])
    expect(retry.id).toBe(first.id)
    expect(first).toMatchObject({ status: 'submitted', holderName: null, problem: null })
    topics.land = first.id
    topics.loan = (await api.data('forums', 'submitTopic', { sessionId: forumId, title: '贷款贴息到账慢', description: '去年的贴息至今未到账。', idempotencyKey: 'demo-topic-2' }, t['holder-demo'])).id
    await api.data('forums', 'submitTopic', { sessionId: forumId, title: '员工子女入学', description: '外地员工子女入学咨询。', idempotencyKey: 'racer-topic-1' }, seatedRacer)

    const seen = async (token: string) => (await api.data('forums', 'get', { sessionId: forumId }, token)).topics.map((x: { id: string }) => x.id)
    expect(await seen(t['holder-demo'])).toEqual([topics.land, topics.loan])
    expect(await seen(t['holder-other'])).toEqual([])
    const all = (await api.data('forums', 'get', { sessionId: forumId }, t['admin-demo'])).topics
    expect(all).toHaveLength(3)
    expect(all[0]).toMatchObject({ id: topics.land, holderName: '威海海川科技有限公司' })
    expect(await seen(seatedRacer)).toEqual([all[2].id])
    expect((await api.data('forums', 'get', { sessionId: forumId }, t['leader-demo'])).topics).toHaveLength(all.length)
    expect(code(await api.call('forums', 'get', { sessionId: forumId }, t['handler-demo']))).toBe('FORBIDDEN')

    const early = await api.call('forums', 'toProblem', { topicId: topics.land, departmentId: zrzy, category: 'land' }, t['admin-demo'])
    expect([early.status, code(early), message(early)]).toEqual([409, 'FORUM_NOT_HELD', '座谈会开始后才能处理议题'])
  })

  it('after the meeting, lets administrators alone settle a topic or turn it into the enterprise’s problem, once', async () => {
    later = await startHost('postgres', { CLOCK_START: AFTER_MEETING, DATABASE_URL: host.env.DATABASE_URL })
    const api2 = apiClient(later.url)
    const admin = await api2.login('admin-demo')
    const holder = await api2.login('holder-demo')
    const closed = await api2.call('forums', 'submitTopic', { sessionId: forumId, title: '迟到的议题', description: '会后才想到的问题。', idempotencyKey: 'demo-topic-late' }, holder)
    expect([closed.status, code(closed)]).toEqual([409, 'FORUM_TOPICS_CLOSED'])
    for (const token of [holder, await api2.login('leader-demo')]) {
      expect(code(await api2.call('forums', 'toProblem', { topicId: topics.land, departmentId: zrzy, category: 'land' }, token))).toBe('FORBIDDEN')
      expect(code(await api2.call('forums', 'settle', { topicId: topics.loan, note: '会上已答复' }, token))).toBe('FORBIDDEN')
    }

    const convert = { topicId: topics.land, departmentId: zrzy, category: 'land' }
    const [x, y] = await Promise.all([api2.data('forums', 'toProblem', convert, admin), api2.data('forums', 'toProblem', convert, admin)])
    expect(x.problem.number).toBe(y.problem.number)
    expect(x).toMatchObject({ status: 'problem', holderName: '威海海川科技有限公司' })
    expect((await api2.data('forums', 'toProblem', convert, admin)).problem.id).toBe(x.problem.id)
    const settledConverted = await api2.call('forums', 'settle', { topicId: topics.land, note: '会上已答复' }, admin)
    expect([settledConverted.status, code(settledConverted), message(settledConverted)]).toEqual([409, 'INVALID_TRANSITION', '该议题已转为诉求'])

    const { rows } = await db.query(
      `SELECT p.source, p.status, p.category, p.department_id, h.name AS holder, t.session_id, t.status AS topic_status
         FROM problems p JOIN forum_topics t ON t.problem_id = p.id JOIN holders h ON h.id = p.holder_id WHERE t.id = $1`,
      [topics.land],
    )
    expect(rows).toEqual([{ source: 'forum', status: 'assigned', category: 'land', department_id: zrzy, holder: '威海海川科技有限公司', session_id: forumId, topic_status: 'problem' }])
    // The holder follows it in 我的诉求 like any other problem.
    const problem = await api2.data('problems', 'get', { id: x.problem.id }, holder)
    expect(problem).toMatchObject({ source: 'forum', title: '厂房扩建用地指标', status: 'assigned' })
    expect(problem.description).toContain('企业家早餐会「第四季度企业家早餐会」上提出的议题')

    const settled = await api2.data('forums', 'settle', { topicId: topics.loan, note: '财政局会上说明：贴息12月底前拨付。' }, admin)
    expect(settled).toMatchObject({ status: 'settled', note: '财政局会上说明：贴息12月底前拨付。', problem: null })
    const outcome = (await api2.data('forums', 'get', { sessionId: forumId }, holder)).topics
    expect(outcome.map((o: { status: string }) => o.status)).toEqual(['problem', 'settled'])
    expect(outcome[0].problem.number).toBe(x.problem.number)
    // Told once of each outcome, however often it was asked for.
    const told = (await api2.data('notifications', 'inbox', {}, holder)).items.filter((m: { template: string }) => m.template === 'forum.topicDecided')
    expect(told.map((m: { body: string }) => m.body).sort()).toEqual([
      `您在座谈会上提出的议题「厂房扩建用地指标」已转为诉求（${x.problem.number}），由责任部门限时办理。`,
      '您在座谈会上提出的议题「贷款贴息到账慢」已在会上答复解决。',
    ])
    expect(told[0].link).toBe(`packages/survey/pages/forum/index?id=${forumId}`)
  })
})
