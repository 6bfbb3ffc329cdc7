import ExcelJS from 'exceljs'
import { BUSINESS_ENVIRONMENT_TEMPLATE } from '../../src/core/survey/survey.template'
import { apiClient, type ApiClient } from '../support/api'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'

jest.setTimeout(180_000)

// Wednesday 30 September 2026, 10:00 in Shanghai. The survey runs from today to 15 October.
const CLOCK_START = '2026-09-30T10:00:00+08:00'
const USERS = ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'handler-approval', 'leader-demo', 'admin-demo']

type Reply = { status: number; body: unknown }
const code = (reply: Reply) => (reply.body as { error?: { code: string } }).error?.code
const message = (reply: Reply) => (reply.body as { error?: { message: string } }).error?.message

/** The template with two items mapped to departments, the rest as it is. */
function draftOf(zrzy: string, xzsp: string, overrides: object = {}) {
  const sections = BUSINESS_ENVIRONMENT_TEMPLATE.sections.map((s) => ({
    ...s,
    items: s.items.map((i) => (i.id === 'a2-1' ? { ...i, departmentId: zrzy } : i.id === 'a4-2' ? { ...i, departmentId: xzsp } : i)),
  }))
  return { ...BUSINESS_ENVIRONMENT_TEMPLATE, sections, audience: { cardTypes: [], industries: [] }, opensOn: '2026-09-30', closesOn: '2026-10-15', ...overrides }
}

/** A full sheet: every rating item `level` except the overrides, the choice items' first option, and an opinion. */
function sheetOf(level: number, overrides: Record<string, unknown> = {}, opinion?: string) {
  const answers: Record<string, unknown> = {}
  for (const item of BUSINESS_ENVIRONMENT_TEMPLATE.sections.flatMap((s) => s.items)) {
    if (item.kind === 'rating') answers[item.id] = level
    else if (item.kind === 'single') answers[item.id] = item.options![0]
    else if (item.kind === 'multiple') answers[item.id] = [item.options![0]]
    else if (opinion) answers[item.id] = opinion
  }
  return { ...answers, ...overrides }
}

describe.each(storesUnderTest())('surveys through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  let zrzy: string
  let xzsp: string
  let surveyId: string

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of USERS) t[user] = await api.login(user)
    const directory = await api.data('stations', 'directory', {}, t['admin-demo'])
    zrzy = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
    xzsp = directory.departments.find((d: { name: string }) => d.name === '区行政审批服务局').id
  })
  afterAll(() => host?.stop())

  it('lets administrators alone build a draft from the template, which nobody else sees until it is published', async () => {
    for (const user of ['holder-demo', 'handler-demo', 'leader-demo', 'staff-demo']) {
      expect(code(await api.call('surveys', 'save', draftOf(zrzy, xzsp), t[user]))).toBe('FORBIDDEN')
    }
    const saved = await api.data('surveys', 'save', draftOf(zrzy, xzsp), t['admin-demo'])
    surveyId = saved.id
    expect(saved).toMatchObject({ status: 'draft', phase: 'draft', title: '营商环境企业评价调查', findingThreshold: 3, responseCount: 0, answered: null })
    expect(saved.sections).toHaveLength(8)
    // The demo data's open survey is listed; the draft is not.
    const ids = async (user: string) => (await api.data('surveys', 'list', {}, t[user])).items.map((s: { id: string }) => s.id)
    expect(await ids('holder-demo')).toHaveLength(1)
    expect(await ids('holder-demo')).not.toContain(surveyId)
    expect(await ids('handler-demo')).not.toContain(surveyId)
    expect(await ids('admin-demo')).toContain(surveyId)
    expect(code(await api.call('surveys', 'get', { id: surveyId }, t['holder-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('surveys', 'answer', { id: surveyId, answers: sheetOf(4), idempotencyKey: 'draft-answer-1' }, t['holder-demo']))).toBe('NOT_FOUND')

    const edited = await api.data('surveys', 'save', { ...draftOf(zrzy, xzsp), id: surveyId, findingThreshold: 3.2 }, t['admin-demo'])
    expect(edited).toMatchObject({ id: surveyId, findingThreshold: 3.2 })
    const published = await api.data('surveys', 'publish', { id: surveyId }, t['admin-demo'])
    expect(published).toMatchObject({ status: 'open', phase: 'open', publishedAt: expect.stringMatching(/^2026-09-30T02:0/) })
    expect(code(await api.call('surveys', 'publish', { id: surveyId }, t['admin-demo']))).toBe('INVALID_TRANSITION')
    const again = await api.call('surveys', 'save', { ...draftOf(zrzy, xzsp), id: surveyId }, t['admin-demo'])
    expect([again.status, code(again), message(again)]).toEqual([409, 'INVALID_TRANSITION', '问卷发布后不能再修改'])
  })

  it('has the demo data’s open 营商环境 survey, answered by one enterprise, with a finding to act on', async () => {
    const demo = (await api.data('surveys', 'list', { status: 'open' }, t['holder-demo'])).items.find((s: { id: string }) => s.id !== surveyId)
    expect(demo).toMatchObject({ phase: 'open', answered: false })
    const results = await api.data('surveys', 'results', { id: demo.id }, t['admin-demo'])
    expect(results.responseCount).toBe(1)
    expect(results.findings.map((f: { itemId: string }) => f.itemId)).toEqual(['a2-1', 'a4-3', 'a6-2'])
    expect(results.notAnswered.map((h: { name: string }) => h.name)).toEqual(['威海海川科技有限公司'])
  })

  it('refuses bad input with a stable code and a Chinese message, never a 500', async () => {
    const cases: Array<[string, object]> = [
      ['save', { ...draftOf(zrzy, xzsp), closesOn: '2026-09-01' }],
      ['save', { ...draftOf(zrzy, xzsp), sections: [] }],
      ['save', { ...draftOf(zrzy, xzsp), audience: { cardTypes: ['vip'], industries: [] } }],
      ['save', { ...draftOf(zrzy, xzsp), sections: [{ id: 'x', title: '方面', items: [{ id: 'y', kind: 'rating', text: '题目', departmentId: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }] }] }],
      ['publish', { id: 'nope' }],
      ['answer', { id: surveyId, answers: { 'a1-1': 9 }, idempotencyKey: 'bad-input-1' }],
      ['answer', { id: surveyId, answers: [], idempotencyKey: 'bad-input-2' }],
      ['toProblem', { id: surveyId, itemId: 'A B', departmentId: zrzy }],
    ]
    for (const [action, payload] of cases) {
      const user = action === 'answer' ? 'holder-demo' : 'admin-demo'
      const reply = await api.call('surveys', action, payload, t[user])
      expect([action, reply.status, code(reply)]).toEqual([action, 400, 'VALIDATION_FAILED'])
      expect(message(reply)).toMatch(/[\u4e00-\u9fa5]/)
    }
    const missing = await api.call('surveys', 'get', { id: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }, t['admin-demo'])
    expect([missing.status, code(missing), message(missing)]).toEqual([404, 'NOT_FOUND', '问卷不存在'])
  })

  it('takes one answer per enterprise: a retry answers the first, another answer is refused', async () => {
    const listed = (await api.data('surveys', 'list', {}, t['holder-demo'])).items
    expect(listed).toContainEqual(expect.objectContaining({ id: surveyId, phase: 'open', answered: false, responseCount: null, itemCount: 37 }))
    const incomplete = await api.call('surveys', 'answer', { id: surveyId, answers: sheetOf(4, { 'a3-2': undefined }), idempotencyKey: 'holder-demo-1' }, t['holder-demo'])
    expect([incomplete.status, code(incomplete), message(incomplete)]).toEqual([400, 'VALIDATION_FAILED', '请为「企业运营」第2题选择评价等级'])
    const wrongOption = await api.call('surveys', 'answer', { id: surveyId, answers: sheetOf(4, { 'a7-5': '都不是' }), idempotencyKey: 'holder-demo-1' }, t['holder-demo'])
    expect(code(wrongOption)).toBe('VALIDATION_FAILED')

    const first = await api.data('surveys', 'answer', { id: surveyId, answers: sheetOf(4, { 'a2-1': 2, 'a4-2': 5 }, '审批还可以再快一些'), idempotencyKey: 'holder-demo-1' }, t['holder-demo'])
    expect(first).toEqual({ surveyId, answeredAt: expect.stringMatching(/^2026-09-30T02:0/) })
    expect(await api.data('surveys', 'answer', { id: surveyId, answers: sheetOf(4), idempotencyKey: 'holder-demo-1' }, t['holder-demo'])).toEqual(first)
    const second = await api.call('surveys', 'answer', { id: surveyId, answers: sheetOf(1), idempotencyKey: 'holder-demo-2' }, t['holder-demo'])
    expect([second.status, code(second), message(second)]).toEqual([409, 'SURVEY_ALREADY_ANSWERED', '贵单位已提交过该问卷，不能重复提交'])
    expect((await api.data('surveys', 'get', { id: surveyId }, t['holder-demo'])).answered).toBe(true)

    await api.data('surveys', 'answer', { id: surveyId, answers: sheetOf(5, { 'a2-1': 3, 'a4-2': 4 }), idempotencyKey: 'holder-other-1' }, t['holder-other'])
    for (const user of ['admin-demo', 'handler-demo', 'staff-demo']) {
      expect(code(await api.call('surveys', 'answer', { id: surveyId, answers: sheetOf(5), idempotencyKey: 'not-a-holder' }, t[user]))).toBe('FORBIDDEN')
    }
  })

  it('shows results to departments and leaders without names, and administrators who has not answered', async () => {
    const admin = await api.data('surveys', 'results', { id: surveyId }, t['admin-demo'])
    expect(admin.responseCount).toBe(2)
    expect(admin.notAnswered).toEqual([])
    expect(admin.audienceSize).toBe(2)
    const project = admin.items.find((i: { itemId: string }) => i.itemId === 'a2-1')
    expect(project).toMatchObject({ departmentId: zrzy, rating: { count: 2, average: 2.5, distribution: { 5: 0, 4: 0, 3: 1, 2: 1, 1: 0 } } })
    expect(admin.findings.map((f: { itemId: string }) => f.itemId)).toEqual(['a2-1'])
    expect(admin.departments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ departmentId: zrzy, average: 2.5 }),
        expect.objectContaining({ departmentId: xzsp, average: 4.5 }),
      ]),
    )
    expect(admin.departmentNames[zrzy]).toBe('区自然资源局')
    expect(admin.items.find((i: { itemId: string }) => i.itemId === 'a8-5').texts).toEqual(['审批还可以再快一些'])

    const handler = await api.data('surveys', 'results', { id: surveyId }, t['handler-demo'])
    expect(handler.notAnswered).toBeNull()
    expect(handler.departments.map((d: { departmentId: string }) => d.departmentId)).toEqual([zrzy])
    expect(handler.findings.map((f: { itemId: string }) => f.itemId)).toEqual(['a2-1'])
    const other = await api.data('surveys', 'results', { id: surveyId }, t['handler-approval'])
    expect(other.findings).toEqual([])
    const leader = await api.data('surveys', 'results', { id: surveyId }, t['leader-demo'])
    expect(leader.notAnswered).toBeNull()
    for (const view of [handler, other, leader]) {
      const json = JSON.stringify(view)
      for (const name of ['威海海川科技', '环翠蓝海食品', '张海', '李静', '13906311234']) expect(json).not.toContain(name)
    }
    expect(code(await api.call('surveys', 'results', { id: surveyId }, t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('surveys', 'results', { id: surveyId }, t['staff-demo']))).toBe('FORBIDDEN')
  })

  it('keeps answers apart from who gave them: the answers table has no holder, user or time', async () => {
    const { Client } = await import('pg')
    if (store !== 'postgres') return
    const client = new Client({ connectionString: host.env.DATABASE_URL })
    await client.connect()
    try {
      const { rows } = await client.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_answers' ORDER BY ordinal_position`)
      expect(rows.map((r) => r.column_name)).toEqual(['survey_id', 'sheet_id', 'item_id', 'level', 'choices', 'text'])
      const sheets = await client.query(`SELECT DISTINCT sheet_id FROM survey_answers`)
      const responses = await client.query(`SELECT holder_id, user_id FROM survey_responses`)
      const linked = new Set(responses.rows.flatMap((r) => [r.holder_id, r.user_id]))
      expect(sheets.rows.some((r) => linked.has(r.sheet_id))).toBe(false)
    } finally {
      await client.end()
    }
  })

  it('turns a finding into a problem assigned to the department, which the ledger follows to closure', async () => {
    const notFinding = await api.call('surveys', 'toProblem', { id: surveyId, itemId: 'a4-2', departmentId: xzsp }, t['admin-demo'])
    expect([notFinding.status, code(notFinding)]).toEqual([400, 'VALIDATION_FAILED'])
    expect(code(await api.call('surveys', 'toProblem', { id: surveyId, itemId: 'a2-1', departmentId: zrzy }, t['handler-demo']))).toBe('FORBIDDEN')

    const made = await api.data('surveys', 'toProblem', { id: surveyId, itemId: 'a2-1', departmentId: zrzy }, t['admin-demo'])
    expect(made).toMatchObject({ itemId: 'a2-1', departmentId: zrzy, problemNumber: expect.stringMatching(/^P2026-\d{6}$/) })
    expect(await api.data('surveys', 'toProblem', { id: surveyId, itemId: 'a2-1', departmentId: zrzy }, t['admin-demo'])).toEqual(made)

    const problem = await api.data('problems', 'get', { id: made.problemId }, t['handler-demo'])
    const view = problem.problem ?? problem
    expect(view).toMatchObject({
      status: 'assigned',
      source: 'survey',
      category: 'other',
      holderId: null,
      holderName: '企业评判问卷',
      departmentId: zrzy,
      title: '企业评判问题项：项目立项、规划、用地审批效率',
    })
    expect(view.description).toContain('平均2.5分')
    expect((await api.data('surveys', 'results', { id: surveyId }, t['handler-demo'])).problems).toEqual([made])
    expect((await api.data('surveys', 'results', { id: surveyId }, t['handler-approval'])).problems).toEqual([])

    await api.data('problems', 'sign', { id: made.problemId, version: 0 }, t['handler-demo'])
    await api.data('problems', 'resolve', { id: made.problemId, version: 1, resolution: '已开通重点项目审批绿色通道' }, t['handler-demo'])
    expect(code(await api.call('problems', 'confirm', { id: made.problemId, version: 2 }, t['holder-demo']))).toBe('NOT_FOUND')
    const closed = await api.data('problems', 'confirm', { id: made.problemId, version: 2 }, t['admin-demo'])
    expect((closed.problem ?? closed).status).toBe('closed')
  })

  it('exports the results as .xlsx for administrators and leaders', async () => {
    const link = await api.data('surveys', 'export', { id: surveyId }, t['leader-demo'])
    expect(link).toEqual({ fileName: '营商环境企业评价调查-结果.xlsx', url: `/api/surveys/export?id=${surveyId}` })
    expect(code(await api.call('surveys', 'export', { id: surveyId }, t['handler-demo']))).toBe('FORBIDDEN')
    const refused = await fetch(`${host.url}${link.url}`, { headers: { authorization: `Bearer ${t['holder-demo']}` } })
    expect(refused.status).toBe(403)
    const reply = await fetch(`${host.url}${link.url}`, { headers: { authorization: `Bearer ${t['admin-demo']}` } })
    expect(reply.status).toBe(200)
    expect(reply.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await reply.arrayBuffer()) as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['方面', '题目', '部门', '问题项（≤3.2）', '意见建议'])
    expect((workbook.getWorksheet('意见建议')!.getRow(2).values as unknown[]).slice(1)).toEqual(['干部作风', '对优化营商环境、改进部门作风的意见和建议', '审批还可以再快一些'])
  })

  it('narrows the audience by card type, and takes no answer once closed', async () => {
    const talents = await api.data('surveys', 'save', draftOf(zrzy, xzsp, { title: '人才服务评价', audience: { cardTypes: ['talent'], industries: [] } }), t['admin-demo'])
    await api.data('surveys', 'publish', { id: talents.id }, t['admin-demo'])
    expect(code(await api.call('surveys', 'get', { id: talents.id }, t['holder-demo']))).toBe('NOT_FOUND')
    expect((await api.data('surveys', 'list', {}, t['holder-demo'])).items.map((s: { id: string }) => s.id)).not.toContain(talents.id)
    expect((await api.data('surveys', 'results', { id: talents.id }, t['admin-demo'])).audienceSize).toBe(0)

    const closed = await api.data('surveys', 'close', { id: surveyId }, t['admin-demo'])
    expect(closed).toMatchObject({ status: 'closed', phase: 'closed', closedAt: expect.stringMatching(/^2026-09-30T02:0/) })
    expect(code(await api.call('surveys', 'close', { id: surveyId }, t['admin-demo']))).toBe('INVALID_TRANSITION')
    const late = await api.call('surveys', 'answer', { id: talents.id, answers: sheetOf(5), idempotencyKey: 'late-answer-1' }, t['holder-other'])
    expect(code(late)).toBe('NOT_FOUND')
    const reopened = await api.data('surveys', 'save', draftOf(zrzy, xzsp, { title: '关闭后填写' }), t['admin-demo'])
    await api.data('surveys', 'publish', { id: reopened.id }, t['admin-demo'])
    await api.data('surveys', 'close', { id: reopened.id }, t['admin-demo'])
    const afterClose = await api.call('surveys', 'answer', { id: reopened.id, answers: sheetOf(5), idempotencyKey: 'late-answer-2' }, t['holder-other'])
    expect([afterClose.status, code(afterClose), message(afterClose)]).toEqual([409, 'SURVEY_NOT_OPEN', '该问卷不在填写期内'])
  })

  it('narrows the audience by the industries of 政策直通车’s enterprise profile', async () => {
    await api.data('policies', 'setProfile', { industries: ['fishingGear'], topics: [] }, t['holder-other'])
    const survey = async (title: string, industries: string[]) => {
      const saved = await api.data('surveys', 'save', draftOf(zrzy, xzsp, { title, audience: { cardTypes: ['enterprise'], industries } }), t['admin-demo'])
      await api.data('surveys', 'publish', { id: saved.id }, t['admin-demo'])
      return saved.id as string
    }
    const fishing = await survey('钓具企业调查', ['fishingGear'])
    const tourism = await survey('旅游企业调查', ['tourism'])
    const listed = async (user: string) => (await api.data('surveys', 'list', {}, t[user])).items.map((s: { id: string }) => s.id)
    expect(await listed('holder-other')).toContain(fishing)
    expect(await listed('holder-other')).not.toContain(tourism)
    expect(await listed('holder-demo')).not.toContain(fishing)
    const results = await api.data('surveys', 'results', { id: fishing }, t['admin-demo'])
    expect([results.audienceSize, results.notAnswered.map((h: { name: string }) => h.name)]).toEqual([1, ['环翠蓝海食品有限公司']])
    expect(code(await api.call('surveys', 'answer', { id: tourism, answers: sheetOf(5), idempotencyKey: 'tourism-answer-1' }, t['holder-other']))).toBe('NOT_FOUND')
  })

  it('keeps one answer when two arrive at once', async () => {
    const saved = await api.data('surveys', 'save', draftOf(zrzy, xzsp, { title: '并发提交' }), t['admin-demo'])
    await api.data('surveys', 'publish', { id: saved.id }, t['admin-demo'])
    const replies = await Promise.all(
      ['race-key-0001', 'race-key-0002', 'race-key-0003'].map((idempotencyKey) => api.call('surveys', 'answer', { id: saved.id, answers: sheetOf(4), idempotencyKey }, t['holder-demo'])),
    )
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409])
    expect((await api.data('surveys', 'results', { id: saved.id }, t['admin-demo'])).responseCount).toBe(1)
    const rated = (await api.data('surveys', 'results', { id: saved.id }, t['admin-demo'])).items.find((i: { itemId: string }) => i.itemId === 'a1-1')
    expect(rated.rating.count).toBe(1)
  })

  it('gives the department its survey score in the report of the period the survey closed in', async () => {
    const annual = await api.data('reports', 'annual', { year: 2026, departmentId: zrzy }, t['handler-demo'])
    expect(annual.departments[0].surveyScore).toEqual({ surveys: 1, ratings: 2, average: 2.5 })
    const other = await api.data('reports', 'annual', { year: 2026, departmentId: xzsp }, t['leader-demo'])
    expect(other.departments[0].surveyScore).toEqual({ surveys: 1, ratings: 2, average: 4.5 })
    expect((await api.data('reports', 'annual', { year: 2025, departmentId: zrzy }, t['leader-demo'])).departments[0].surveyScore).toBeUndefined()
  })
})
