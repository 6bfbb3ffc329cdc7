import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { Client } from 'pg'
import { AREAS } from '../../cloud/functions'
import { addDays, isoWeekday, shanghaiDate } from '../../src/core/calendar/shanghai-time'
import { apiClient, type ApiClient } from '../support/api'
import { testCreditCode } from '../support/holders'
import { createDatabase, startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'
import { WechatStub } from '../support/wechat-stub'

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, '../..')

/** `npm run admin:invite -- --name <name>` against the database: the code is the last line. */
function firstAdminInvite(databaseUrl: string, name: string): string {
  const run = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['cloud/host/admin-invite.ts', '--name', name], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, DEV_LOGIN: '' },
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`admin:invite failed: ${run.stderr}`)
  return run.stdout.trim().split('\n').pop()!.trim()
}

/**
 * A district from an empty PostgreSQL database to a working service day, with dev login off: the first-admin command,
 * WeChat sign-in (a stand-in for WeChat's code2session), invitations, the district's set-up, and each person doing
 * their job through the real host.
 */
describeOnPostgres('going live with dev login off (PostgreSQL)', () => {
  let wechat: WechatStub
  let host: RunningHost
  let api: ApiClient
  let database: { url: string; drop: () => Promise<void> }
  let sql: Client
  const tokens: Record<string, string> = {}

  /** A person opens the mini program: wx.login gives a fresh code for their WeChat account, which goes to auth.login. */
  let codes = 0
  const codeOf = (account: string) => `${account}_${String(++codes).padStart(4, '0')}`
  const signIn = async (account: string) => (await api.data('auth', 'login', { code: codeOf(account) })).token as string
  const invite = async (name: string, roles: string[], departmentId?: string) =>
    (await api.data('org', 'invite', { name, roles, ...(departmentId ? { departmentId } : {}) }, tokens.admin)).inviteCode as string

  beforeAll(async () => {
    wechat = await new WechatStub().start()
    database = await createDatabase()
    sql = new Client({ connectionString: database.url })
    tokens.adminInvite = firstAdminInvite(database.url, '孙磊')
    host = await startHost('postgres', {
      DATABASE_URL: database.url,
      DEV_LOGIN: '0',
      ...wechat.hostEnv,
    })
    api = apiClient(host.url)
    await sql.connect()
  })
  afterAll(async () => {
    await sql?.end()
    await host?.stop()
    await database?.drop()
    await wechat?.stop()
  })

  it('starts empty: no demo data, no dev login, no district', async () => {
    expect((await api.call('auth', 'demoUsers')).body).toMatchObject({ ok: false, error: { code: 'DEV_LOGIN_DISABLED' } })
    expect((await api.call('auth', 'devLogin', { userKey: 'admin-demo' })).status).toBe(403)
    expect(await api.data('org', 'district')).toEqual({ district: null })
    const { rows } = await sql.query('SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM stations) AS stations, (SELECT count(*) FROM departments) AS departments')
    expect(rows[0]).toEqual({ users: '0', stations: '0', departments: '0' })
  })

  it('signs in with WeChat: the code goes to code2session with the app credentials; WeChat errors get clear codes', async () => {
    const first = await api.data('auth', 'login', { code: 'visitor_0001' })
    expect(first).toMatchObject({ token: expect.any(String), user: { roles: [] } })
    expect(wechat.loginRequests.at(-1)).toEqual({ appid: 'test-appid', secret: 'test-app-secret', js_code: 'visitor_0001', grant_type: 'authorization_code' })
    // The same WeChat account signs in again as the same user; another account is another user.
    expect((await api.data('auth', 'login', { code: 'visitor_0002' })).user.id).toBe(first.user.id)
    expect((await api.data('auth', 'login', { code: 'stranger_0001' })).user.id).not.toBe(first.user.id)
    const invalid = await api.call('auth', 'login', { code: 'bad-code' })
    expect(invalid).toMatchObject({ status: 401, body: { ok: false, error: { code: 'WECHAT_CODE_INVALID' } } })
    // A code works once, as WeChat's do.
    expect((await api.call('auth', 'login', { code: 'visitor_0001' })).body).toMatchObject({ error: { code: 'WECHAT_CODE_INVALID' } })
    expect(await api.call('auth', 'login', { code: 'busy-code' })).toMatchObject({ status: 429, body: { error: { code: 'WECHAT_RATE_LIMITED' } } })
    expect((await api.call('auth', 'login', { code: 'x' })).status).toBe(400)
  })

  it('the first administrator redeems the printed code; the code works once', async () => {
    expect(tokens.adminInvite).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    tokens.admin = await signIn('admin')
    const redeemed = await api.data('org', 'redeem', { inviteCode: tokens.adminInvite }, tokens.admin)
    expect(redeemed.user).toMatchObject({ name: '孙磊', roles: ['admin'] })
    expect((await api.data('auth', 'me', {}, tokens.admin)).user.roles).toEqual(['admin'])
    const other = await signIn('someone')
    expect((await api.call('org', 'redeem', { inviteCode: tokens.adminInvite }, other)).body).toMatchObject({ error: { code: 'INVITE_USED' } })
    expect((await api.call('org', 'redeem', { inviteCode: 'AAAA-BBBB-CCCC' }, other)).body).toMatchObject({ error: { code: 'INVITE_INVALID' } })
  })

  const ids: Record<string, string> = {}

  it('sets the district up: district, departments, a station with a fixed day', async () => {
    expect((await api.call('stations', 'save', { name: '政务服务中心流动站', area: '鲸园街道', address: '新威路17号', latitude: 37.51, longitude: 122.12, contactPhone: '0631-5225000' }, tokens.admin)).body).toMatchObject({
      error: { code: 'DISTRICT_NOT_SET' },
    })
    const { district } = await api.data('org', 'saveDistrict', { name: '环翠区', code: '371002' }, tokens.admin)
    expect(district).toMatchObject({ name: '环翠区', code: '371002' })
    expect((await api.data('org', 'district')).district.name).toBe('环翠区')
    for (const [key, name, receivesEscalations] of [
      ['approval', '区行政审批服务局', false],
      ['land', '区自然资源局', false],
      ['organisation', '区委组织部', true],
    ] as const) {
      ids[key] = (await api.data('org', 'saveDepartment', { name, receivesEscalations }, tokens.admin)).department.id
    }
    const station = await api.data('stations', 'save', { name: '政务服务中心流动站', area: '鲸园街道', address: '新威路17号', latitude: 37.51, longitude: 122.12, contactPhone: '0631-5225000' }, tokens.admin)
    ids.station = station.id
  })

  it('invites staff, a handler, a leader and a commissioner; each redeems their own code', async () => {
    expect((await api.call('org', 'invite', { name: '王芳', roles: ['staff'] }, tokens.admin)).body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } })
    const codes = {
      staff: await invite('王芳', ['staff'], ids.approval),
      handler: await invite('刘强', ['handler'], ids.land),
      leader: await invite('赵书记', ['leader']),
      commissioner: await invite('陈明', ['commissioner']),
    }
    for (const [role, code] of Object.entries(codes)) {
      tokens[role] = await signIn(role)
      const { user } = await api.data('org', 'redeem', { inviteCode: code }, tokens[role])
      expect(user.roles).toEqual([role])
      ids[role] = user.id
    }
    const people = await api.data('org', 'people', {}, tokens.admin)
    expect(people.items.map((p: { name: string }) => p.name).sort()).toEqual(['刘强', '孙磊', '王芳', '赵书记', '陈明'].sort())
    expect(people.items.find((p: { name: string }) => p.name === '王芳')).toMatchObject({ departmentName: '区行政审批服务局', active: true })
  })

  it('puts the staff member on a fixed day; a holder books, the staff member verifies the card, the handler signs for a problem', async () => {
    const today = shanghaiDate(new Date())
    const weekday = isoWeekday(addDays(today, 1))
    const fixed = await api.data(
      'stations',
      'addFixedDay',
      { stationId: ids.station, weekday, start: '09:00', end: '11:30', slotMinutes: 30, capacity: 5, departmentIds: [ids.approval, ids.land], staffIds: [ids.staff], validFrom: today, validTo: addDays(today, 90) },
      tokens.admin,
    )
    expect(fixed.sessions.length).toBeGreaterThan(0)

    // The admin issues a card; the enterprise's contact signs in with WeChat and activates it.
    const { activationCode, holder } = await api.data(
      'cards',
      'issue',
      { holder: { type: 'enterprise', name: '威海海川科技有限公司', creditCode: testCreditCode(), qualification: { basis: 'high_tech', detail: '高新技术企业证书' }, contact: { name: '张海', phone: '13800000000' } } },
      tokens.admin,
    )
    ids.holder = holder.id
    tokens.holder = await signIn('holder')
    const card = await api.data('cards', 'activate', { activationCode }, tokens.holder)
    expect((await api.data('auth', 'me', {}, tokens.holder)).user.roles).toEqual(['holder'])

    const booking = await api.data('bookings', 'create', { slotId: fixed.sessions[0].slots[0].id, topic: '用地预审咨询', idempotencyKey: 'go-live-booking-1' }, tokens.holder)
    expect(booking.status).toBe('confirmed')

    const { qr } = await api.data('cards', 'token', { cardId: card.card.id }, tokens.holder)
    const verified = await api.data('cards', 'verify', { qr }, tokens.staff)
    expect(verified.holder.name).toBe('威海海川科技有限公司')

    const problem = await api.data('problems', 'submit', { category: 'land', title: '厂房用地手续', description: '新厂房用地预审需要哪些材料', idempotencyKey: 'go-live-problem-1' }, tokens.holder)
    const submitted = await api.data('problems', 'get', { id: problem.id }, tokens.staff)
    const deferred = await api.data(
      'problems',
      'defer',
      { id: problem.id, explanation: '需自然资源局核实', suggestion: '先准备用地预审材料', nextStep: { kind: 'fixedDay', date: addDays(today, 7) }, version: submitted.version },
      tokens.staff,
    )
    const assigned = await api.data('problems', 'assign', { id: problem.id, departmentId: ids.land, version: deferred.version }, tokens.admin)
    const signed = await api.data('problems', 'sign', { id: problem.id, version: assigned.version }, tokens.handler)
    expect(signed.status).toBe('in_progress')
  })

  it('assigns a commissioner, who then sees the enterprise', async () => {
    await api.data('org', 'assignCommissioner', { commissionerId: ids.commissioner, holderId: ids.holder }, tokens.admin)
    const { items } = await api.data('org', 'commissionerAssignments', {}, tokens.admin)
    expect(items).toEqual([expect.objectContaining({ commissionerName: '陈明', holderName: '威海海川科技有限公司' })])
    const assignees = await api.data('commissioners', 'assignees', {}, tokens.commissioner)
    expect(JSON.stringify(assignees)).toContain('威海海川科技有限公司')
  })

  it('a deactivated department takes no new work', async () => {
    await api.data('org', 'deactivateDepartment', { id: ids.organisation }, tokens.admin)
    expect((await api.call('org', 'invite', { name: '某人', roles: ['handler'], departmentId: ids.organisation }, tokens.admin)).body).toMatchObject({ error: { code: 'DEPARTMENT_INACTIVE' } })
    const listed = await api.data('org', 'departments', {}, tokens.admin)
    expect(listed.items.map((d: { name: string }) => d.name)).not.toContain('区委组织部')
  })

  it('a deactivated person is refused on the very next call and cannot sign in again; the last administrator stays', async () => {
    expect((await api.call('auth', 'me', {}, tokens.staff)).status).toBe(200)
    await api.data('org', 'deactivate', { userId: ids.staff }, tokens.admin)
    expect(await api.call('auth', 'me', {}, tokens.staff)).toMatchObject({ status: 403, body: { error: { code: 'ACCOUNT_DEACTIVATED' } } })
    expect(await api.call('auth', 'login', { code: codeOf('staff') })).toMatchObject({ status: 403, body: { error: { code: 'ACCOUNT_DEACTIVATED' } } })
    const me = await api.data('auth', 'me', {}, tokens.admin)
    expect((await api.call('org', 'deactivate', { userId: me.user.id }, tokens.admin)).body).toMatchObject({ error: { code: 'LAST_ADMIN' } })
    expect((await api.call('org', 'setRoles', { userId: me.user.id, roles: ['leader'] }, tokens.admin)).body).toMatchObject({ error: { code: 'LAST_ADMIN' } })
  })

  it('logout ends that session only', async () => {
    const second = await signIn('leader')
    await api.data('auth', 'logout', {}, tokens.leader)
    expect((await api.call('auth', 'me', {}, tokens.leader)).status).toBe(401)
    // A person signed in twice (phone and desktop) keeps the other session.
    const { user } = await api.data('auth', 'me', {}, second)
    expect(user.roles).toEqual(['leader'])
  })

  it('an invitation code does not work after expiry, nor after it was revoked', async () => {
    const expiring = await invite('过期的人', ['leader'])
    await sql.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE name = '过期的人'`)
    const someone = await signIn('late')
    expect((await api.call('org', 'redeem', { inviteCode: expiring }, someone)).body).toMatchObject({ error: { code: 'INVITE_EXPIRED' } })
    const revoked = await api.data('org', 'invite', { name: '撤销的人', roles: ['leader'] }, tokens.admin)
    await api.data('org', 'revokeInvite', { id: revoked.invitation.id }, tokens.admin)
    expect((await api.call('org', 'redeem', { inviteCode: revoked.inviteCode }, someone)).body).toMatchObject({ error: { code: 'INVITE_REVOKED' } })
  })

  it('refuses every administrator-only org action to everyone else', async () => {
    const adminOnly = Object.entries(AREAS.org).filter(([, action]) => Array.isArray(action.access) && !(action.access as string[]).some((r) => r !== 'admin'))
    expect(adminOnly.length).toBeGreaterThan(10)
    for (const role of ['handler', 'commissioner', 'holder']) {
      for (const [name] of adminOnly) {
        const reply = await api.call('org', name, {}, tokens[role])
        expect({ name, role, status: reply.status }).toEqual({ name, role, status: 403 })
      }
    }
    expect((await api.call('org', 'people')).status).toBe(401)
  })

  it('warns of unconfirmed holidays until the district saves the calendar, and audits every change', async () => {
    const leader = await signIn('leader-again')
    await api.data('org', 'redeem', { inviteCode: await invite('钱主任', ['leader']) }, leader)
    const year = Number(shanghaiDate(new Date()).slice(0, 4))
    const before = await api.data('org', 'overview', {}, leader)
    expect(before.checklist).toEqual([])
    const years = [year, year + 1]
    for (const y of years) {
      const { calendar } = await api.data('org', 'calendar', { year: y }, tokens.admin)
      await api.data('org', 'saveCalendar', { year: y, days: calendar.days.map(({ date, off }: { date: string; off: boolean }) => ({ date, off })) }, tokens.admin)
    }
    const after = await api.data('org', 'overview', {}, tokens.admin)
    expect(after.calendarWarnings).toEqual([])
    expect(after.checklist.every((item: { done: boolean }) => item.done)).toBe(true)
    expect(before.calendarWarnings.length).toBeGreaterThan(0)

    const { items } = await api.data('org', 'audit', { limit: 100 }, tokens.admin)
    const actions = items.map((event: { action: string }) => event.action)
    for (const action of ['invite.create', 'invite.redeem', 'district.save', 'department.save', 'department.deactivate', 'person.deactivate', 'commissioner.assign', 'calendar.save', 'invite.revoke']) {
      expect(actions).toContain(action)
    }
    expect(items.at(-1)).toMatchObject({ action: 'invite.create', actorName: '初始化命令' })
  })
})
