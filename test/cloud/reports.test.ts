import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { apiClient, type ApiClient } from '../support/api'
import { createDatabase, startHost, storesUnderTest, type RunningHost } from '../support/host'

jest.setTimeout(240_000)

/**
 * The October 2026 report of a hand-checked ledger, built through the API over three host runs on the same data, each
 * with its own clock (a host's clock only moves forward from its CLOCK_START):
 *
 * A. Monday 12 October, 09:00 — P1 (policy) answered on the spot by staff of 区行政审批服务局 (XZSP). P2–P6 (land)
 *    deferred and assigned to 区自然资源局 (ZRZY): sign by the end of 13 October, resolve by the end of 26 October.
 *    P2 signed and resolved at once, P3 signed, P6 sent back. P7 (funding) only submitted.
 * B. Wednesday 28 October, 10:00 — the overdue job marks P3 (resolution), P4 and P5 (both deadlines). P4 signed late;
 *    P3 and P4 resolved late; the commissioner escalates P5. Ratings: P2 5/5/5 (satisfied); P3 1/2/3 (bad) with the
 *    return visit and rectification at once (on time), then a follow-up 5/5/5 (not counted: initial ratings only);
 *    P4 2/4/4 (bad), appealed and removed (not counted).
 * C. Monday 2 November, 09:00 — the monthly job generates October; then P5 is signed (November) and reassigned to
 *    区发展和改革局 (FGJ), which moves P5 in the live figures but not in the frozen report.
 *
 * Hand-counted October figures:
 *   ZRZY  received 4 (P2–P5; P6 was sent back), answered 0, resolved 3 (P2 on time; P3, P4 late) → 1/3,
 *         signed 3 (P2, P3 on time; P4 late) → 2/3, overdue 3 (P3–P5), escalated 1 (P5),
 *         ratings 2 (P2, P3), satisfied 1 → 1/2, bad 1 (P3), rectified 1, on time 1
 *   XZSP  received 1 (P1), answered on the spot 1, nothing else
 * The demo 营商环境 survey, seeded on 12 October and open for 14 days, closed on 26 October: its ratings of ZRZY
 * and XZSP (holder-other's demo answers: 8 ratings averaging 3.75, and 5 averaging 3.8) are October's 问卷评分.
 */
const A = '2026-10-12T09:00:00+08:00'
const B = '2026-10-28T10:00:00+08:00'
const C = '2026-11-02T09:00:00+08:00'

const ZRZY_SURVEY = { average: 3.75, ratings: 8, surveys: 1 }
const XZSP_SURVEY = { average: 3.8, ratings: 5, surveys: 1 }
const ZRZY_OCTOBER = {
  received: 4, answeredOnSpot: 0, resolved: 3, resolvedOnTime: 1, signed: 3, signedOnTime: 2, overdue: 3, escalated: 1,
  ratings: 2, satisfied: 1, badRatings: 1, badRectified: 1, badRectifiedOnTime: 1,
  onTimeResolutionRate: 1 / 3, timelySignRate: 2 / 3, satisfactionRate: 1 / 2,
}
const XZSP_OCTOBER = {
  received: 1, answeredOnSpot: 1, resolved: 0, resolvedOnTime: 0, signed: 0, signedOnTime: 0, overdue: 0, escalated: 0,
  ratings: 0, satisfied: 0, badRatings: 0, badRectified: 0, badRectifiedOnTime: 0,
  onTimeResolutionRate: null, timelySignRate: null, satisfactionRate: null,
}
const DISTRICT_OCTOBER = {
  ...ZRZY_OCTOBER, received: 5, answeredOnSpot: 1,
}
const USERS = ['holder-demo', 'staff-demo', 'handler-demo', 'commissioner-demo', 'leader-demo', 'admin-demo']

describe.each(storesUnderTest())('monthly report and dashboard on %s', (store) => {
  let host: RunningHost | null = null
  let api: ApiClient
  let shared: Record<string, string>
  let cleanup = async () => {}
  const t: Record<string, string> = {}
  const p: Record<string, string> = {}
  const dept: Record<string, string> = {}
  let key = 0

  /** Stops the running host and starts the next one on the same data with a later clock. */
  async function phase(clock: string) {
    await host?.stop()
    host = await startHost(store, { CLOCK_START: clock, RATE_LIMIT_PER_MINUTE: '100000', ...shared })
    api = apiClient(host.url)
    for (const user of USERS) t[user] = await api.login(user)
  }

  beforeAll(async () => {
    if (store === 'postgres') {
      const db = await createDatabase()
      shared = { DATABASE_URL: db.url }
      cleanup = db.drop
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-reports-'))
      shared = { DATA_DIR: dir }
      cleanup = async () => fs.rmSync(dir, { recursive: true, force: true })
    }
  })
  afterAll(async () => {
    await host?.stop()
    await cleanup()
  })

  const code = (reply: { body: { ok: boolean; error?: { code: string } } }) => reply.body.error?.code
  const act = async (action: string, id: string, user: string, payload: object = {}) => {
    const { version } = await api.data('problems', 'get', { id }, t['admin-demo'])
    return api.data('problems', action, { id, version, ...payload }, t[user])
  }
  const submit = async (name: string, category: string) => {
    const created = await api.data('problems', 'submit', { category, title: `测试诉求${name}`, description: `月报测试用诉求${name}，请按流程办理`, idempotencyKey: `report-${store}-${++key}-key` }, t['holder-demo'])
    p[name] = created.id
  }
  const assign = async (name: string) => {
    await act('defer', p[name], 'staff-demo', { explanation: '需要自然资源局核实', suggestion: '先准备相关材料', nextStep: { kind: 'fixedDay', date: '2026-10-20' } })
    await act('assign', p[name], 'admin-demo', { departmentId: dept.ZRZY })
  }
  const rate = (name: string, attitude: number, quality: number, effectiveness: number) =>
    api.data('ratings', 'submit', { targetType: 'problem', targetId: p[name], attitude, quality, effectiveness }, t['holder-demo'])
  const monthly = (user: string, payload: object) => api.call('reports', 'monthly', payload, t[user])
  const download = (month: string, token?: string) =>
    fetch(`${host!.url}/api/reports/export?month=${encodeURIComponent(month)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })

  it('A, 12 October: answers, assignments, on-time signing and resolution, a send-back', async () => {
    await phase(A)
    const directory = await api.data('problems', 'directory', {}, t['admin-demo'])
    const codes: Record<string, string> = { 区自然资源局: 'ZRZY', 区行政审批服务局: 'XZSP', 区发展和改革局: 'FGJ' }
    for (const d of directory.departments as Array<{ id: string; name: string }>) if (codes[d.name]) dept[codes[d.name]] = d.id

    await submit('P1', 'policy')
    await act('answer', p.P1, 'staff-demo', { reply: '符合政策条件，已当场告知申报流程' })
    for (const name of ['P2', 'P3', 'P4', 'P5', 'P6']) {
      await submit(name, 'land')
      await assign(name)
    }
    await submit('P7', 'funding')
    await act('sign', p.P2, 'handler-demo')
    await act('resolve', p.P2, 'handler-demo', { resolution: '已办理完毕，指标已下达' })
    await act('sign', p.P3, 'handler-demo')
    await act('sendBack', p.P6, 'handler-demo', { reason: '不属于本部门职责，请改派' })
    expect((await api.data('problems', 'get', { id: p.P6 }, t['admin-demo'])).status).toBe('deferred')
  })

  it('B, 28 October: overdue marks, late work, an escalation, ratings; the month cannot be reported yet', async () => {
    await phase(B)
    await api.data('jobs', 'run', { job: 'overdue' }, t['admin-demo'])
    for (const name of ['P3', 'P4', 'P5']) expect((await api.data('problems', 'get', { id: p[name] }, t['admin-demo'])).overdue).toBe(true)
    await act('sign', p.P4, 'handler-demo')
    await act('resolve', p.P3, 'handler-demo', { resolution: '已协调解决，逾期办结' })
    await act('resolve', p.P4, 'handler-demo', { resolution: '已协调解决，逾期办结' })
    await act('escalate', p.P5, 'commissioner-demo', { report: '用地指标问题部门无法解决，特此专报' })

    await rate('P2', 5, 5, 5)
    const bad = await rate('P3', 1, 2, 3)
    await api.data('ratings', 'recordReturnVisit', { ratingId: bad.id, note: '已上门回访，了解不满意原因' }, t['handler-demo'])
    await api.data('ratings', 'rectify', { ratingId: bad.id, note: '已调整办理流程并书面答复企业' }, t['handler-demo'])
    await api.data('ratings', 'followUp', { ratingId: bad.id, attitude: 5, quality: 5, effectiveness: 5 }, t['holder-demo'])
    const removed = await rate('P4', 2, 4, 4)
    await api.data('ratings', 'appeal', { ratingId: removed.id, reason: '企业误评，实际已按要求办结' }, t['handler-demo'])
    await api.data('ratings', 'decideAppeal', { ratingId: removed.id, uphold: false, reason: '经核实属误评' }, t['admin-demo'])

    expect(code(await monthly('leader-demo', { month: '2026-10' }))).toBe('MONTH_NOT_ENDED')
    expect(code(await api.call('reports', 'export', { month: '2026-10' }, t['leader-demo']))).toBe('MONTH_NOT_ENDED')

    const dashboard = await api.data('reports', 'dashboard', { from: '2026-10-01', to: '2026-10-31' }, t['leader-demo'])
    expect(dashboard.period).toEqual(DISTRICT_OCTOBER)
    expect(dashboard.today).toMatchObject({ received: 0, signed: 1, signedOnTime: 0, resolved: 2, resolvedOnTime: 0, overdue: 3, escalated: 1, ratings: 2, badRatings: 1, badRectified: 1 })
    expect(dashboard.trend).toEqual([
      { weekStart: '2026-09-28', received: 0, resolved: 0 },
      { weekStart: '2026-10-05', received: 0, resolved: 0 },
      { weekStart: '2026-10-12', received: 5, resolved: 1 },
      { weekStart: '2026-10-19', received: 0, resolved: 0 },
      { weekStart: '2026-10-26', received: 0, resolved: 2 },
    ])
    expect(dashboard.byCategory.slice(0, 3)).toEqual([
      { category: 'land', label: '土地', count: 5 },
      { category: 'policy', label: '政策', count: 1 },
      { category: 'funding', label: '资金', count: 1 },
    ])
    expect(dashboard.departmentRanking.slice(0, 2)).toEqual([
      { departmentId: dept.ZRZY, name: '区自然资源局', onTimeResolutionRate: 1 / 3, satisfactionRate: 1 / 2, received: 4, overdue: 3 },
      { departmentId: dept.XZSP, name: '区行政审批服务局', onTimeResolutionRate: null, satisfactionRate: null, received: 1, overdue: 0 },
    ])
    expect(dashboard.departmentRanking).toHaveLength(10)
  })

  it('C, 2 November: the job freezes October, leaders are told, later changes do not move it', async () => {
    await phase(C)
    // The host's scheduler may have generated it already at start: either way the report exists afterwards.
    await api.data('jobs', 'run', { job: 'monthlyReport' }, t['admin-demo'])
    const report = await api.data('reports', 'monthly', { month: '2026-10' }, t['leader-demo'])
    expect(report).toMatchObject({ month: '2026-10', frozen: true, generatedAt: expect.stringMatching(/^2026-11-02T01:/) })
    expect(report.departments).toHaveLength(10)
    const byId = new Map(report.departments.map((d: { departmentId: string }) => [d.departmentId, d]))
    expect(byId.get(dept.ZRZY)).toEqual({ departmentId: dept.ZRZY, name: '区自然资源局', figures: ZRZY_OCTOBER, surveyScore: ZRZY_SURVEY })
    expect(byId.get(dept.XZSP)).toEqual({ departmentId: dept.XZSP, name: '区行政审批服务局', figures: XZSP_OCTOBER, surveyScore: XZSP_SURVEY })
    expect((byId.get(dept.FGJ) as { figures: { received: number } }).figures.received).toBe(0)
    expect(report.total).toEqual(DISTRICT_OCTOBER)

    // Leaders hear of it in the message center (once the notifications area is there).
    const inbox = await api.call('notifications', 'inbox', {}, t['leader-demo'])
    if (inbox.status !== 404) expect(JSON.stringify(inbox.body)).toContain('月报')

    expect(await api.data('jobs', 'run', { job: 'monthlyReport' }, t['admin-demo'])).toEqual({ job: 'monthlyReport', changed: 0 })
    await act('sign', p.P5, 'handler-demo')
    await act('reassign', p.P5, 'admin-demo', { departmentId: dept.FGJ, reason: '涉及产业项目，改由发改局牵头' })
    expect(await api.data('reports', 'monthly', { month: '2026-10' }, t['leader-demo'])).toEqual(report)

    // The live dashboard does move: P5's October round now counts for FGJ, and today's signing shows.
    const live = await api.data('reports', 'dashboard', { from: '2026-10-01', to: '2026-10-31' }, t['leader-demo'])
    const row = (id: string) => live.departmentRanking.find((r: { departmentId: string }) => r.departmentId === id)
    expect([row(dept.ZRZY).received, row(dept.FGJ).received, row(dept.FGJ).overdue]).toEqual([3, 1, 1])
    const today = await api.data('reports', 'dashboard', { from: '2026-11-01', to: '2026-11-02' }, t['leader-demo'])
    expect(today.today).toMatchObject({ signed: 1, signedOnTime: 0, received: 1 })
  })

  it('lets handlers read their own department only, and keeps the district views for leaders and admins', async () => {
    const own = await api.data('reports', 'monthly', { month: '2026-10' }, t['handler-demo'])
    expect(own.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual([dept.ZRZY])
    expect(own.total).toEqual(ZRZY_OCTOBER)
    expect(code(await monthly('handler-demo', { month: '2026-10', departmentId: dept.XZSP }))).toBe('FORBIDDEN')
    expect((await api.data('reports', 'monthly', { month: '2026-10', departmentId: dept.XZSP }, t['admin-demo'])).total).toEqual(XZSP_OCTOBER)
    expect(code(await monthly('leader-demo', { month: '2026-08' }))).toBe('REPORT_NOT_READY')
    expect(code(await monthly('leader-demo', { month: '2026-11' }))).toBe('MONTH_NOT_ENDED')
    expect(code(await monthly('leader-demo', { month: '2026-10', departmentId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }))).toBe('NOT_FOUND')
    expect(code(await monthly('holder-demo', { month: '2026-10' }))).toBe('FORBIDDEN')
    expect(code(await monthly('staff-demo', { month: '2026-10' }))).toBe('FORBIDDEN')
    for (const action of ['dashboard', 'export']) {
      const payload = action === 'dashboard' ? { from: '2026-10-01', to: '2026-10-31' } : { month: '2026-10' }
      expect(code(await api.call('reports', action, payload, t['handler-demo']))).toBe('FORBIDDEN')
    }

    const year = await api.data('reports', 'annual', { year: 2026 }, t['handler-demo'])
    expect(year.departments).toHaveLength(1)
    const months = year.departments[0].months
    expect(months.map((m: { month: string }) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    expect(months[9].figures).toEqual(ZRZY_OCTOBER)
    expect(months[10]).toEqual({ month: '2026-11', generatedAt: null, figures: null })
    expect(year.departments[0].total.received).toBe(4)
    expect((await api.data('reports', 'annual', { year: 2026 }, t['leader-demo'])).total.received).toBe(5)
  })

  it('exports October as an .xlsx that opens with its four sheets and the frozen figures', async () => {
    const link = await api.data('reports', 'export', { month: '2026-10' }, t['leader-demo'])
    expect(link).toEqual({ month: '2026-10', fileName: '2026年10月诉求办理月报.xlsx', url: '/api/reports/export?month=2026-10' })

    const reply = await fetch(`${host!.url}${link.url}`, { headers: { authorization: `Bearer ${t['leader-demo']}` } })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(reply.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('2026年10月诉求办理月报.xlsx')}`)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await reply.arrayBuffer()) as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '诉求明细', '评价', '超期'])

    const summary = workbook.getWorksheet('汇总')!
    const values = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(summary, 1)).toEqual([
      '部门', '受理诉求', '当场答复', '办结', '按时办结', '按时办结率', '签收', '及时签收', '及时签收率', '超期', '专报', '评价', '满意评价', '满意率', '差评', '差评已整改', '差评按时整改', '问卷评分',
    ])
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const zrzy = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => values(summary, n)).find((r) => r[0] === '区自然资源局')!
    expect(zrzy).toEqual(['区自然资源局', 4, 0, 3, 1, 1 / 3, 3, 2, 2 / 3, 3, 1, 2, 1, 0.5, 1, 1, 1, ZRZY_SURVEY.average])
    expect(values(summary, 12)).toEqual(['合计', 5, 1, 3, 1, 1 / 3, 3, 2, 2 / 3, 3, 1, 2, 1, 0.5, 1, 1, 1])
    expect(summary.getRow(2).getCell(6).numFmt).toBe('0.0%')

    const problems = workbook.getWorksheet('诉求明细')!
    expect(problems.rowCount).toBe(8)
    expect(values(problems, 1).slice(0, 6)).toEqual(['诉求编号', '类别', '标题', '来源', '责任部门', '状态'])
    expect(workbook.getWorksheet('评价')!.rowCount).toBe(5)
    const overdue = workbook.getWorksheet('超期')!
    expect(overdue.rowCount).toBe(4)
    expect([2, 3, 4].map((n) => values(overdue, n)[2]).sort()).toEqual(['测试诉求P3', '测试诉求P4', '测试诉求P5'])
  })

  it('refuses the download without the right caller or month, in the JSON envelope', async () => {
    expect((await download('2026-10', t['holder-demo'])).status).toBe(403)
    expect((await download('2026-10', t['handler-demo'])).status).toBe(403)
    expect((await download('2026-10')).status).toBe(401)
    expect((await download('2026-10', 'not-a-token')).status).toBe(401)
    for (const month of ['2026-13', 'october', '']) {
      const reply = await download(month, t['leader-demo'])
      expect(reply.status).toBe(400)
      expect(await reply.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }
    expect(await (await download('2026-08', t['admin-demo'])).json()).toMatchObject({ error: { code: 'REPORT_NOT_READY' } })
    expect((await download('2026-11', t['admin-demo'])).status).toBe(409)
  })
})
