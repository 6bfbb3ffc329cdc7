import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Client } from 'pg'
import { apiClient, type ApiClient } from '../support/api'
import { createDatabase, startHost, storesUnderTest, type RunningHost, type StoreKind } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'
import { WechatStub } from '../support/wechat-stub'

jest.setTimeout(240_000)

const ROOT = path.resolve(__dirname, '../..')

// Tuesday 29 September 2026, 10:00 in Shanghai, two days before the National Day holiday (1–7 October).
const T0 = '2026-09-29T10:00:00+08:00'
const TODAY = '2026-09-29'
// Monday 12 October, a fortnight on: the day before the 13 October station day (its reminder is due from 09:00), past
// the sign-for deadline of a problem assigned on T0, past the return-visit deadline of a bad rating given on T0, and in
// the month after September (the monthly report).
const T1 = '2026-10-12T10:00:00+08:00'
const USERS = ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'handler-approval', 'commissioner-demo', 'leader-demo', 'admin-demo']

type Reply = { status: number; body: unknown }
type Tally = Record<string, Record<string, number>>
type InboxItem = { id: number; template: string; title: string; body: string; createdAt: string; readAt: string | null; delivery: string; link: string | null }

const code = (reply: Reply) => (reply.body as { error?: { code: string } }).error?.code

/** A store kept across host restarts (the same data seen at a later CLOCK_START), dropped at the end. */
async function keptStore(store: StoreKind): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (store === 'postgres') {
    const { url, drop } = await createDatabase()
    return { env: { DATABASE_URL: url }, drop }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-notify-'))
  return { env: { DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** `npm run job -- <job>` as a person would run it, with the host's environment. */
async function runJobCommand(job: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'cloud/host/job.ts'), job], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
      timeout: 60_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe.each(storesUnderTest())('notifications through the host on %s', (store) => {
  let kept: Awaited<ReturnType<typeof keptStore>>
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  const userId: Record<string, string> = {}
  let db: Client | null = null
  let key = 0
  const idem = () => `notify-${store}-${++key}-key`

  async function boot(clockStart: string) {
    host = await startHost(store, { ...kept.env, CLOCK_START: clockStart, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of USERS) t[user] = await api.login(user)
    for (const user of USERS) userId[user] = (await api.data('auth', 'me', {}, t[user])).user.id
    // Whatever is due at this clock is settled first (the host's own scheduler does the same at start), so what a
    // test sees afterwards is what it caused.
    for (const job of ['serviceDays', 'overdue', 'reminders', 'contactCadence', 'monthlyReport', 'deliver']) await api.data('jobs', 'run', { job }, t['admin-demo'])
  }

  beforeAll(async () => {
    kept = await keptStore(store)
    await boot(T0)
    if (store === 'postgres') {
      db = new Client({ connectionString: kept.env.DATABASE_URL })
      await db.connect()
    }
  })
  afterAll(async () => {
    await db?.end()
    await host?.stop()
    await kept?.drop()
  })

  const inbox = async (user: string): Promise<InboxItem[]> => {
    const items: InboxItem[] = []
    let cursor: number | undefined
    do {
      const page = await api.data('notifications', 'inbox', { limit: 50, ...(cursor ? { cursor } : {}) }, t[user])
      items.push(...page.items)
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    return items
  }

  /** Every user's 消息中心, counted per template. */
  const tally = async (): Promise<Tally> => {
    const counts: Tally = {}
    for (const user of USERS) {
      counts[user] = {}
      for (const item of await inbox(user)) counts[user][item.template] = (counts[user][item.template] ?? 0) + 1
    }
    return counts
  }

  /** What arrived since `before`, for everyone: exactly `expected`, nobody else, nothing more. */
  const expectArrived = async (before: Tally, expected: Tally) => {
    const after = await tally()
    const arrived: Tally = {}
    for (const user of USERS) {
      for (const [template, n] of Object.entries(after[user])) {
        const more = n - (before[user][template] ?? 0)
        if (more !== 0) (arrived[user] ??= {})[template] = more
      }
    }
    expect(arrived).toEqual(expected)
  }

  const runTwice = async (job: string) => {
    const first = await api.data('jobs', 'run', { job }, t['admin-demo'])
    const second = await api.data('jobs', 'run', { job }, t['admin-demo'])
    expect(second).toEqual({ job, changed: 0 })
    return first.changed as number
  }

  const ids: Record<string, string> = {}
  let zrzy: string
  let leaderId: string

  describe('on the day (T0)', () => {
    beforeAll(async () => {
      const directory = await api.data('problems', 'directory', {}, t['admin-demo'])
      zrzy = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
      leaderId = directory.leaders[0].id
    })

    it('booking confirmed → the holder; session cancelled → each holder booked on it; reminders wait and are withdrawn', async () => {
      const { items: sessions } = await api.data('stations', 'sessions', { from: '2026-10-08', to: '2026-10-13' }, t['holder-demo'])
      const cancelled = sessions.find((s: { date: string }) => s.date === '2026-10-08')
      const later = sessions.find((s: { date: string; kind: string }) => s.date === '2026-10-13')
      const book = (user: string, session: { slots: Array<{ id: string }> }) =>
        api.data('bookings', 'create', { slotId: session.slots[0].id, topic: '企业开办咨询', idempotencyKey: idem() }, t[user])

      const before = await tally()
      const [mine, theirs, stays] = [await book('holder-demo', cancelled), await book('holder-other', cancelled), await book('holder-demo', later)]
      await expectArrived(before, { 'holder-demo': { 'booking.confirmed': 2 }, 'holder-other': { 'booking.confirmed': 1 } })
      ids.laterBooking = stays.id

      const beforeCancel = await tally()
      const result = await api.data('stations', 'cancelSession', { sessionId: cancelled.id, reason: '场地临时调整' }, t['admin-demo'])
      expect(result.notifiedBookings).toBe(2)
      await expectArrived(beforeCancel, { 'holder-demo': { 'session.cancelled': 1 }, 'holder-other': { 'session.cancelled': 1 } })

      if (db) {
        const { rows } = await db.query(`SELECT data->>'bookingId' AS booking, status, not_before FROM outbox WHERE template = 'booking.reminder' ORDER BY id`)
        expect(rows).toEqual([
          { booking: mine.id, status: 'cancelled', not_before: new Date('2026-10-07T01:00:00Z') },
          { booking: theirs.id, status: 'cancelled', not_before: new Date('2026-10-07T01:00:00Z') },
          { booking: stays.id, status: 'pending', not_before: new Date('2026-10-12T01:00:00Z') },
        ])
      }
    })

    it('problem assigned → the department’s handlers and the named leader; signed and resolved → the holder; escalated → the leaders', async () => {
      // Consent first, as the mini program asks right after a problem is submitted: one message of each.
      expect(await api.data('notifications', 'subscribe', { templateKeys: ['problem.answered', 'problem.signed', 'problem.resolved'], granted: ['problem.signed', 'problem.resolved'] }, t['holder-demo'])).toEqual({ granted: 2 })

      const step = async (action: string, id: string, version: number, user: string, payload: object, expected: Tally) => {
        const before = await tally()
        await api.data('problems', action, { id, version, ...payload }, t[user])
        await expectArrived(before, expected)
      }
      const deferred = async (title: string) => {
        const { id } = await api.data('problems', 'submit', { category: 'land', title, description: '二期厂房扩建需新增用地约20亩，指标如何申请？', idempotencyKey: idem() }, t['holder-demo'])
        await api.data('problems', 'defer', { id, version: 0, explanation: '需自然资源局核实', suggestion: '先准备规划方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, t['staff-demo'])
        return id as string
      }

      ids.p1 = await deferred('厂房扩建用地指标')
      await step('assign', ids.p1, 1, 'admin-demo', { departmentId: zrzy, leaderId, plan: '专班对接' }, { 'handler-demo': { 'problem.assigned': 1 }, 'leader-demo': { 'problem.assigned': 1 } })
      // Each in their own words: the handlers sign for it, the named leader follows it (issue 15, defect 10).
      const assignedBody = async (user: string) =>
        (await api.data('notifications', 'inbox', {}, t[user])).items.find((item: { template: string; link: string | null }) => item.template === 'problem.assigned' && item.link?.includes(ids.p1))?.body
      expect(await assignedBody('handler-demo')).toContain('请及时签收')
      expect(await assignedBody('leader-demo')).toContain('您是该诉求的责任领导，请关注办理进展')
      await step('sign', ids.p1, 2, 'handler-demo', {}, { 'holder-demo': { 'problem.signed': 1 } })
      await step('resolve', ids.p1, 3, 'handler-demo', { resolution: '已纳入年度用地计划' }, { 'holder-demo': { 'problem.resolved': 1 } })

      // Assigned without a leader and never signed: overdue by T1.
      ids.p2 = await deferred('仓储用地规划调整')
      await step('assign', ids.p2, 1, 'admin-demo', { departmentId: zrzy }, { 'handler-demo': { 'problem.assigned': 1 } })
      // The organisation department and the supervision office have no demo users: the leaders are all who hear.
      await step('escalate', ids.p2, 2, 'commissioner-demo', { report: '企业用地问题部门间推诿，需区领导协调解决' }, { 'leader-demo': { 'problem.escalated': 1 } })
      if (db) {
        const { rows } = await db.query(
          `SELECT (SELECT array_agg(user_id::text ORDER BY user_id) FROM outbox WHERE template = 'problem.escalated' AND data->>'problemId' = $1) AS told,
                  (SELECT array_agg(u.id::text ORDER BY u.id) FROM users u LEFT JOIN departments d ON d.id = u.department_id
                    WHERE 'leader' = ANY(u.roles) OR d.code IN ('ZZB', 'DCS')) AS expected`,
          [ids.p2],
        )
        expect(rows[0].told).toEqual(rows[0].expected)
      }

      // A second problem signed and resolved: its messages find the grants used up.
      ids.p3 = await deferred('厂房消防验收')
      await step('assign', ids.p3, 1, 'admin-demo', { departmentId: zrzy }, { 'handler-demo': { 'problem.assigned': 1 } })
      await step('sign', ids.p3, 2, 'handler-demo', {}, { 'holder-demo': { 'problem.signed': 1 } })
      await step('resolve', ids.p3, 3, 'handler-demo', { resolution: '已协调消防验收' }, { 'holder-demo': { 'problem.resolved': 1 } })
    })

    it('bad rating → the department’s handlers and the leaders', async () => {
      const directory = await api.data('stations', 'directory', {}, t['admin-demo'])
      const staffId = directory.staff.find((s: { name: string }) => s.name.includes('王芳')).id
      const { items: stations } = await api.data('stations', 'list', {}, t['admin-demo'])
      const centre = stations.find((s: { name: string }) => s.name === '环翠区政务服务中心流动站').id
      const session = await api.data('stations', 'createSession', { stationId: centre, kind: 'expert', date: TODAY, start: '09:00', end: '18:00', slotMinutes: 60, capacity: 5, staffIds: [staffId] }, t['admin-demo'])
      const cardId = (await api.data('cards', 'mine', {}, t['holder-demo'])).items[0].card.id
      const { qr } = await api.data('cards', 'token', { cardId }, t['holder-demo'])
      const { visit } = await api.data('bookings', 'checkIn', { sessionId: session.id, qr }, t['staff-demo'])

      const before = await tally()
      await api.data('ratings', 'submit', { targetType: 'visit', targetId: visit.id, attitude: 2, quality: 4, effectiveness: 4, comment: '窗口人员态度生硬' }, t['holder-demo'])
      await expectArrived(before, { 'handler-approval': { 'rating.bad': 1 }, 'leader-demo': { 'rating.bad': 1 } })
    })

    it('contact overdue → the commissioner, once however often the job runs', async () => {
      const { items } = await api.data('commissioners', 'assignees', {}, t['commissioner-demo'])
      const enterprise = items.find((a: { name: string }) => a.name === '威海海川科技有限公司')
      const before = await tally()
      await api.data('commissioners', 'logContact', { holderId: enterprise.holderId, kind: 'call', at: '2026-09-19T10:00:00+08:00', note: '电话了解扩产进展' }, t['commissioner-demo'])
      await runTwice('contactCadence')
      await expectArrived(before, { 'commissioner-demo': { 'commissioner.contactOverdue': 1 } })
      const [reminder] = (await inbox('commissioner-demo')).filter((i) => i.template === 'commissioner.contactOverdue')
      expect(reminder.body).toBe('您负责联系的威海海川科技有限公司已10天未联系（上次联系：2026年9月19日 10:00），请尽快联系并登记。')
    })

    it('deliver pushes one message per grant and leaves the rest in 消息中心; running it twice sends nothing twice', async () => {
      await runTwice('deliver')
      const mine = await inbox('holder-demo')
      const deliveries = (template: string) => mine.filter((i) => i.template === template).map((i) => i.delivery)
      // Newest first: the first problem's messages took the grants, the second's found none.
      expect(deliveries('problem.signed')).toEqual(['inbox_only', 'sent'])
      expect(deliveries('problem.resolved')).toEqual(['inbox_only', 'sent'])
      expect(deliveries('booking.confirmed')).toEqual(['inbox_only', 'inbox_only'])
      expect((await inbox('holder-other')).map((i) => i.delivery)).toEqual(['inbox_only', 'inbox_only'])
      expect(mine.find((i) => i.template === 'problem.signed')).toMatchObject({
        title: '诉求已签收',
        body: expect.stringMatching(/^您的诉求「厂房消防验收」（P2026-\d{6}）已由区自然资源局签收办理。$/),
        link: `pages/problems/detail?id=${ids.p3}`,
        readAt: null,
      })
      if (db) {
        const { rows } = await db.query(
          `SELECT g.template, o.data->>'problemId' AS problem, o.status, g.used_at IS NOT NULL AS used
             FROM subscription_grants g JOIN outbox o ON o.id = g.outbox_id WHERE g.user_id = $1 ORDER BY g.id`,
          [userId['holder-demo']],
        )
        expect(rows).toEqual([
          { template: 'problem.signed', problem: ids.p1, status: 'sent', used: true },
          { template: 'problem.resolved', problem: ids.p1, status: 'sent', used: true },
        ])
      }
    })

    it('asks for consent the way WeChat allows: at most 3 templates, granted ones among those asked', async () => {
      const subscribe = (payload: object) => api.call('notifications', 'subscribe', payload, t['holder-demo'])
      expect(code(await subscribe({ templateKeys: ['problem.signed'], granted: ['problem.resolved'] }))).toBe('VALIDATION_FAILED')
      expect(code(await subscribe({ templateKeys: ['problem.signed', 'problem.resolved', 'problem.answered', 'booking.confirmed'], granted: [] }))).toBe('VALIDATION_FAILED')
      expect(code(await subscribe({ templateKeys: ['problem.nope'], granted: [] }))).toBe('VALIDATION_FAILED')
      expect(await api.data('notifications', 'subscribe', { templateKeys: ['booking.reminder'], granted: [] }, t['holder-demo'])).toEqual({ granted: 0 })
      expect(code(await api.call('notifications', 'inbox', {}, null))).toBe('UNAUTHENTICATED')
    })

    it('pages the inbox newest first and marks only the caller’s own messages read', async () => {
      const all = await inbox('holder-demo')
      const first = await api.data('notifications', 'inbox', { limit: 3 }, t['holder-demo'])
      const second = await api.data('notifications', 'inbox', { limit: 3, cursor: first.nextCursor }, t['holder-demo'])
      expect([...first.items, ...second.items].map((i: InboxItem) => i.id)).toEqual(all.slice(0, 6).map((i) => i.id))
      expect(first.unread).toBe(all.length)

      const others = await inbox('holder-other')
      const marked = await api.data('notifications', 'markRead', { ids: [all[0].id, all[1].id, others[0].id] }, t['holder-demo'])
      expect(marked).toEqual({ updated: 2 })
      expect(await api.data('notifications', 'markRead', { ids: [all[0].id] }, t['holder-demo'])).toEqual({ updated: 0 })
      const unread = await api.data('notifications', 'inbox', { unreadOnly: true, limit: 50 }, t['holder-demo'])
      expect(unread.unread).toBe(all.length - 2)
      expect(unread.items.map((i: InboxItem) => i.id)).toEqual(all.slice(2).map((i) => i.id))
      expect((await inbox('holder-other'))[0].readAt).toBeNull()
      expect(code(await api.call('notifications', 'markRead', { ids: [] }, t['holder-demo']))).toBe('VALIDATION_FAILED')
    })
  })

  describe('a fortnight later (T1, the same data)', () => {
    let before: Tally

    beforeAll(async () => {
      before = await tally()
      await host.stop()
      // `npm run job` runs any job once against the host's store (a PGlite folder only while no host holds it).
      const ran = await runJobCommand('deliver', { ...kept.env, DEV_LOGIN: '1', CLOCK_START: T0 })
      expect(ran).toMatchObject({ code: 0, stdout: '{"job":"deliver","changed":0}\n' })
      await boot(T1)
    })

    // Only a PGlite folder is held by one process; a PostgreSQL server takes the job and the host together.
    if (store === 'pglite') {
      it('refuses to run a job on a PGlite folder the running host holds', async () => {
        const ran = await runJobCommand('deliver', { ...kept.env, DEV_LOGIN: '1' })
        expect(ran.code).toBe(1)
        expect(ran.stderr).toContain('PGlite 只能由一个进程打开')
      })
    }

    it('every time-based message arrives once for the right people, and a second run of any job sends nothing', async () => {
      for (const job of ['serviceDays', 'overdue', 'reminders', 'contactCadence', 'monthlyReport', 'deliver']) await runTwice(job)
      await expectArrived(before, {
        // The booking reminder stored on T0, due since 09:00 the day before.
        'holder-demo': { 'booking.reminder': 1 },
        // The problem never signed; the bad rating's return visit not made; September's report.
        'leader-demo': { 'problem.overdue': 1, 'rectification.due': 1, 'report.ready': 1 },
        'handler-approval': { 'rectification.due': 1 },
        // Both assignees: the enterprise a second week without contact, the project never contacted since T0.
        'commissioner-demo': { 'commissioner.contactOverdue': 2 },
      })
      const [reminder] = (await inbox('holder-demo')).filter((i) => i.template === 'booking.reminder')
      expect(reminder).toMatchObject({ createdAt: '2026-10-12T01:00:00.000Z', delivery: 'inbox_only', link: 'pages/bookings/index' })
      const [overdue] = (await inbox('leader-demo')).filter((i) => i.template === 'problem.overdue')
      expect(overdue.body).toMatch(/^诉求「仓储用地规划调整」（P2026-\d{6}）未在时限内签收（责任部门：区自然资源局），请督促办理。$/)
    })
  })
})

/**
 * Pushes through WeChat's HTTPS API, with a stand-in api.weixin.qq.com. PostgreSQL only: the users need WeChat openids
 * (dev-login users are never pushed to), which only SQL can give them, and the outbox is read with SQL too.
 */
describeOnPostgres('pushing through WeChat’s HTTPS API (stand-in server) on postgres', () => {
  const OPENID = 'oHolderDemo_0123456789abcdef'
  const TEMPLATES = { 'problem.signed': { templateId: 'TPL_SIGNED' }, 'problem.resolved': { templateId: 'TPL_RESOLVED', fields: { thing1: 'subject', phrase2: 'state' } } }
  let stub: WechatStub
  let host: RunningHost
  let api: ApiClient
  let db: Client
  const t: Record<string, string> = {}
  let holderId: string
  let zrzy: string
  let key = 0

  beforeAll(async () => {
    stub = await new WechatStub().start()
    host = await startHost('postgres', {
      CLOCK_START: T0,
      RATE_LIMIT_PER_MINUTE: '100000',
      NOTIFY_SENDER: 'wechat-http',
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_APPSECRET: 'test-app-secret',
      WECHAT_API_BASE: stub.url,
      WECHAT_TEMPLATES: JSON.stringify(TEMPLATES),
    })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'admin-demo']) t[user] = await api.login(user)
    holderId = (await api.data('auth', 'me', {}, t['holder-demo'])).user.id
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
    // The holder signed in through WeChat: a real-looking openid (the session token names the user id, so it stays valid).
    await db.query('UPDATE users SET openid = $1 WHERE id = $2', [OPENID, holderId])
    zrzy = (await api.data('problems', 'directory', {}, t['admin-demo'])).departments.find((d: { name: string }) => d.name === '区自然资源局').id
  })
  afterAll(async () => {
    await db?.end()
    await host?.stop()
    await stub?.stop()
  })

  const deliver = async () => (await api.data('jobs', 'run', { job: 'deliver' }, t['admin-demo'])).changed as number
  const grant = (template: string, user = 'holder-demo') => api.data('notifications', 'subscribe', { templateKeys: [template], granted: [template] }, t[user])

  /** A problem of `user` assigned to 自然资源局 and signed for: its 'problem.signed' message is waiting. */
  async function signedProblem(user = 'holder-demo'): Promise<string> {
    const { id } = await api.data('problems', 'submit', { category: 'land', title: '厂房扩建用地指标', description: '二期厂房扩建需新增用地约20亩', idempotencyKey: `push-${++key}-key` }, t[user])
    await api.data('problems', 'defer', { id, version: 0, explanation: '需自然资源局核实', suggestion: '先准备规划方案', nextStep: { kind: 'fixedDay', date: '2026-10-13' } }, t['staff-demo'])
    await api.data('problems', 'assign', { id, version: 1, departmentId: zrzy }, t['admin-demo'])
    await api.data('problems', 'sign', { id, version: 2 }, t['handler-demo'])
    return id
  }

  const message = async (problemId: string, template = 'problem.signed') =>
    (
      await db.query(
        `SELECT id, status, attempts, next_attempt_at, last_error, sent_at, created_at FROM outbox WHERE template = $1 AND data->>'problemId' = $2`,
        [template, problemId],
      )
    ).rows[0]
  const grantsOf = async (userId: string) =>
    (await db.query('SELECT template, outbox_id, used_at IS NOT NULL AS used FROM subscription_grants WHERE user_id = $1 ORDER BY id', [userId])).rows
  /** Time passes for one message: its backoff is over (the host's clock cannot be moved). */
  const backoffOver = (id: number) => db.query(`UPDATE outbox SET next_attempt_at = next_attempt_at - interval '7 hours' WHERE id = $1`, [id])

  it('pushes a granted message once, as the configured template, and uses the grant', async () => {
    await grant('problem.signed')
    const problemId = await signedProblem()
    await deliver()
    expect(await deliver()).toBe(0)
    const row = await message(problemId)
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null })
    const sends = stub.sendsTo(OPENID)
    expect(sends).toHaveLength(1)
    expect(sends[0].body).toEqual({
      touser: OPENID,
      template_id: 'TPL_SIGNED',
      page: `pages/problems/detail?id=${problemId}`,
      data: {
        character_string1: { value: expect.stringMatching(/^P2026-\d{6}$/) },
        thing2: { value: '厂房扩建用地指标' },
        phrase3: { value: '已签收' },
        time4: { value: '2026年9月29日 10:00' },
        thing5: { value: '区自然资源局办理中' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    })
    expect(stub.tokenRequests).toHaveLength(1)
    expect(await grantsOf(holderId)).toEqual([{ template: 'problem.signed', outbox_id: row.id, used: true }])
    const [item] = (await api.data('notifications', 'inbox', {}, t['holder-demo'])).items
    expect(item).toMatchObject({ id: Number(row.id), delivery: 'sent' })
  })

  it('retries a busy WeChat (-1) after the backoff, holding the grant meanwhile, then sends once', async () => {
    await grant('problem.signed')
    const problemId = await signedProblem()
    stub.answer(-1)
    const sendsBefore = stub.sends.length
    await deliver()
    const waiting = await message(problemId)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: '-1: system error', sent_at: null })
    // The first retry waits a minute (from the push, a moment after the message was stored).
    const wait = waiting.next_attempt_at.getTime() - waiting.created_at.getTime()
    expect(wait).toBeGreaterThanOrEqual(60_000)
    expect(wait).toBeLessThan(90_000)
    expect((await grantsOf(holderId)).at(-1)).toEqual({ template: 'problem.signed', outbox_id: waiting.id, used: false })

    expect(await deliver()).toBe(0)
    expect(stub.sends.length).toBe(sendsBefore + 1)
    await backoffOver(waiting.id)
    expect(await deliver()).toBe(1)
    expect(await message(problemId)).toMatchObject({ status: 'sent', attempts: 2, last_error: null })
    expect(stub.sends.length).toBe(sendsBefore + 2)
    expect((await grantsOf(holderId)).at(-1)).toEqual({ template: 'problem.signed', outbox_id: waiting.id, used: true })
  })

  it('records a refusal (43101) once: never retried, the grant spent', async () => {
    await grant('problem.signed')
    const problemId = await signedProblem()
    stub.answer(43101)
    await deliver()
    const refused = await message(problemId)
    expect(refused).toMatchObject({ status: 'refused', attempts: 1, next_attempt_at: null, last_error: '43101: user refuse to accept the msg' })
    const sends = stub.sends.length
    await backoffOver(refused.id)
    expect(await deliver()).toBe(0)
    expect(stub.sends.length).toBe(sends)
    expect((await grantsOf(holderId)).at(-1)).toEqual({ template: 'problem.signed', outbox_id: refused.id, used: true })
    const item = (await api.data('notifications', 'inbox', {}, t['holder-demo'])).items.find((i: { id: number }) => i.id === Number(refused.id))
    expect(item.delivery).toBe('refused')
  })

  it('gives up after the last retry and gives the grant back for the next message', async () => {
    await grant('problem.signed')
    const problemId = await signedProblem()
    stub.answer(-1, -1, -1, -1, -1, -1)
    for (let attempt = 1; attempt <= 6; attempt++) {
      // The first run also settles the department's 'problem.assigned' (消息中心 only): count from the second.
      const settled = await deliver()
      if (attempt > 1) expect(settled).toBe(1)
      const row = await message(problemId)
      expect(row).toMatchObject({ attempts: attempt, status: attempt < 6 ? 'pending' : 'failed' })
      if (attempt < 6) await backoffOver(row.id)
    }
    const failed = await message(problemId)
    expect(failed.next_attempt_at).toBeNull()
    expect((await grantsOf(holderId)).at(-1)).toEqual({ template: 'problem.signed', outbox_id: null, used: false })
    const next = await signedProblem()
    await deliver()
    expect(await message(next)).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('fetches a new access token when WeChat calls the old one invalid (40001)', async () => {
    await grant('problem.signed')
    const problemId = await signedProblem()
    stub.expireToken()
    const tokens = stub.tokenRequests.length
    await deliver()
    expect(await message(problemId)).toMatchObject({ status: 'sent', attempts: 1 })
    expect(stub.tokenRequests.length).toBe(tokens + 1)
    expect(stub.sends.slice(-2).map((s) => s.token)).toEqual([`tok-${tokens}`, `tok-${tokens + 1}`])
  })

  it('uses a configured field layout, and keeps unconfigured templates and dev-login users in 消息中心', async () => {
    // 'problem.resolved' is configured with its own fields.
    await grant('problem.resolved')
    const problemId = await signedProblem()
    await api.data('problems', 'resolve', { id: problemId, version: 3, resolution: '已纳入年度用地计划' }, t['handler-demo'])
    // 'booking.confirmed' has no WeChat template: a grant for it is never spent.
    await grant('booking.confirmed')
    const { items: sessions } = await api.data('stations', 'sessions', { from: '2026-10-08', to: '2026-10-13' }, t['holder-demo'])
    await api.data('bookings', 'create', { slotId: sessions[0].slots[0].id, topic: '企业开办咨询', idempotencyKey: `push-${++key}-key` }, t['holder-demo'])
    // holder-other signed in with dev login: never pushed, the grant given back.
    const otherId = (await api.data('auth', 'me', {}, t['holder-other'])).user.id
    await grant('problem.signed', 'holder-other')
    const othersProblem = await signedProblem('holder-other')

    const sends = stub.sends.length
    await deliver()
    expect(stub.sends.slice(sends).map((s) => s.body)).toEqual([
      expect.objectContaining({ template_id: 'TPL_RESOLVED', data: { thing1: { value: '厂房扩建用地指标' }, phrase2: { value: '已办结' } } }),
    ])
    const { rows } = await db.query(`SELECT status, last_error FROM outbox WHERE template = 'booking.confirmed' AND user_id = $1`, [holderId])
    expect(rows).toEqual([{ status: 'inbox_only', last_error: 'no WeChat template configured for this key' }])
    expect((await grantsOf(holderId)).filter((g: { template: string }) => g.template === 'booking.confirmed')).toEqual([{ template: 'booking.confirmed', outbox_id: null, used: false }])
    const theirs = await message(othersProblem)
    expect(theirs.status).toBe('failed')
    expect(theirs.last_error).toContain('dev-login user')
    expect(await grantsOf(otherId)).toEqual([{ template: 'problem.signed', outbox_id: null, used: false }])
  })
})
