import { apiClient, type ApiClient } from '../support/api'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'
import { uploadedKey, uploadPhoto } from '../support/images'

jest.setTimeout(120_000)

// Monday 12 October 2026, 10:00 in Shanghai: an application deadline on Thursday 15 October is reminded from today
// (3 working days before), one on Monday 19 October from Wednesday 14 October.
const CLOCK_START = '2026-10-12T10:00:00+08:00'

const code = (reply: { body: { ok: boolean; error?: { code: string } } }) => (reply.body.ok ? 'OK' : reply.body.error!.code)
const message = (reply: { body: { ok: boolean; error?: { message: string } } }) => (reply.body.ok ? '' : reply.body.error!.message)

describe.each(storesUnderTest())('政策直通车 through the host on %s', (store) => {
  let host: RunningHost
  let api: ApiClient
  const t: Record<string, string> = {}
  let key = 0
  const idem = () => `policy-${store}-${++key}-key`
  let zrzy: string
  let kjj: string

  const draft = (extra: object = {}) => ({
    kind: 'benefit',
    title: '电子信息企业研发融资贴息',
    issuer: '环翠区人民政府',
    docNumber: '威环政发〔2026〕18号',
    issuedOn: '2026-10-09',
    summary: '对电子信息企业研发项目贷款给予贴息支持',
    body: '<h2>第一条</h2><p onclick="steal()">对符合条件的企业给予<strong>贷款贴息</strong>。</p><script>alert(1)</script>',
    industries: ['electronics'],
    topics: ['financing'],
    ...extra,
  })
  const publishNew = async (extra: object = {}, user = 'admin-demo') => {
    const saved = await api.data('policies', 'save', draft(extra), t[user])
    return api.data('policies', 'publish', { id: saved.id }, t[user])
  }
  const inboxOf = async (user: string) => (await api.data('notifications', 'inbox', {}, t[user])).items as Array<{ template: string; body: string }>

  beforeAll(async () => {
    host = await startHost(store, { CLOCK_START, RATE_LIMIT_PER_MINUTE: '100000' })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'holder-other', 'staff-demo', 'handler-demo', 'handler-approval', 'leader-demo', 'admin-demo']) {
      t[user] = await api.login(user)
    }
    const directory = await api.data('problems', 'directory', {}, t['admin-demo'])
    zrzy = directory.departments.find((d: { name: string }) => d.name === '区自然资源局').id
    kjj = directory.departments.find((d: { name: string }) => d.name === '区科学技术局').id
    await api.data('policies', 'setProfile', { industries: ['electronics', 'equipment'], topics: ['financing'] }, t['holder-demo'])
    await api.data('policies', 'setProfile', { industries: ['tourism'], topics: [] }, t['holder-other'])
  })
  afterAll(() => host?.stop())

  it('keeps a draft to its managers, sanitised, and publishes it to the matching holders once each', async () => {
    const saved = await api.data('policies', 'save', draft(), t['admin-demo'])
    expect(saved).toMatchObject({ status: 'draft', availableActions: ['save', 'publish'], departmentId: null })
    expect(saved.body).toBe('<h3>第一条</h3><p>对符合条件的企业给予<strong>贷款贴息</strong>。</p>')
    expect(code(await api.call('policies', 'get', { id: saved.id }, t['holder-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('policies', 'get', { id: saved.id }, t['handler-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('policies', 'list', { status: 'draft' }, t['holder-demo']))).toBe('FORBIDDEN')
    const drafts = await api.data('policies', 'list', { status: 'draft' }, t['admin-demo'])
    expect(drafts.items.map((p: { id: string }) => p.id)).toContain(saved.id)
    const edited = await api.data('policies', 'save', { ...draft({ title: '电子信息企业研发贷款贴息' }), id: saved.id }, t['admin-demo'])
    expect(edited.title).toBe('电子信息企业研发贷款贴息')

    const before = (await inboxOf('holder-demo')).length
    const published = await api.data('policies', 'publish', { id: saved.id }, t['admin-demo'])
    expect(published).toMatchObject({ status: 'published', availableActions: ['withdraw'], publishedAt: expect.any(String) })
    const again = await api.call('policies', 'publish', { id: saved.id }, t['admin-demo'])
    expect([again.status, code(again)]).toEqual([409, 'INVALID_TRANSITION'])
    expect(code(await api.call('policies', 'save', { ...draft(), id: saved.id }, t['admin-demo']))).toBe('INVALID_TRANSITION')

    const inbox = await inboxOf('holder-demo')
    expect(inbox.length).toBe(before + 1)
    expect(inbox[0]).toMatchObject({ template: 'policy.published', body: expect.stringContaining('电子信息企业研发贷款贴息') })
    expect((await inboxOf('holder-other')).filter((m) => m.body.includes('电子信息企业研发贷款贴息'))).toEqual([])
    expect(await api.data('policies', 'reach', { id: saved.id }, t['leader-demo'])).toEqual({ matched: 1, notified: 1, opened: 0, asked: 0 })
  })

  it('recommends matching policies first, then the newest', async () => {
    const tourism = await publishNew({ title: '乡村旅游精品民宿奖补', industries: ['tourism'], topics: [], kind: 'guide' })
    const matching = await publishNew({ title: '装备制造企业技改融资', industries: ['equipment'] })
    const forHolder = await api.data('policies', 'recommended', {}, t['holder-demo'])
    expect(forHolder.profile).toEqual({ industries: ['electronics', 'equipment'], topics: ['financing'], cardType: 'enterprise' })
    const ids = forHolder.items.map((p: { id: string }) => p.id)
    expect(ids[0]).toBe(matching.id)
    expect(forHolder.items[0].matched).toBe(true)
    expect(ids.indexOf(tourism.id)).toBeGreaterThan(ids.indexOf(matching.id))
    const firstUnmatched = forHolder.items.findIndex((p: { matched: boolean }) => !p.matched)
    expect(forHolder.items.slice(firstUnmatched).every((p: { matched: boolean }) => !p.matched)).toBe(true)
    expect((await api.data('policies', 'recommended', {}, t['holder-other'])).items[0].id).toBe(tourism.id)
    // Whoever holds no card sees the newest first, nothing marked as for them.
    const forStaff = await api.data('policies', 'recommended', {}, t['staff-demo'])
    expect(forStaff.profile).toBeNull()
    expect(forStaff.items[0].id).toBe(matching.id)
  })

  it('finds a policy by a two-character word, by kind and by tag', async () => {
    const found = await publishNew({ title: '鱼线鱼钩出口退税指引', summary: '鱼钩企业出口退税办理流程', body: '<p>外贸企业可在线申报。</p>', industries: ['fishingGear'], topics: ['trade'], kind: 'guide' })
    const titles = async (filter: object) => (await api.data('policies', 'list', filter, t['holder-other'])).items.map((p: { id: string }) => p.id)
    expect(await titles({ q: '鱼钩' })).toEqual([found.id])
    expect(await titles({ q: '外贸' })).toEqual([found.id])
    expect(await titles({ q: '退税', kind: 'guide' })).toEqual([found.id])
    expect(await titles({ q: '退税', kind: 'benefit' })).toEqual([])
    expect(await titles({ tag: 'topic:trade', q: '鱼线' })).toEqual([found.id])
    const tagged = (await api.data('policies', 'list', { tag: 'industry:fishingGear' }, t['holder-other'])).items
    expect(tagged.map((p: { id: string }) => p.id)).toContain(found.id)
    expect(tagged.every((p: { industries: string[] }) => p.industries.includes('fishingGear'))).toBe(true)
    // Pattern characters are taken literally: the seeded 增长12% is found by '12%', nothing by '%_'.
    expect((await titles({ q: '12%' })).length).toBe(1)
    expect(await titles({ q: '%_' })).toEqual([])
    expect(await titles({ q: '_' })).toEqual([])
    const firstPage = await api.data('policies', 'list', {}, t['holder-other'])
    expect(firstPage.items[0].id).toBe(found.id)
  })

  it('asks a question as a problem of category 政策 in the ledger, once per idempotency key', async () => {
    const policy = await publishNew({ title: '高新技术企业认定奖励', industries: [], topics: ['innovation', 'financing'] })
    await api.data('policies', 'get', { id: policy.id }, t['holder-demo'])
    const question = { id: policy.id, title: '奖励申报材料', description: '去年已认定的企业今年还能申报吗？', idempotencyKey: idem() }
    const asked = await api.data('policies', 'ask', question, t['holder-demo'])
    expect(await api.data('policies', 'ask', question, t['holder-demo'])).toEqual(asked)
    const problem = await api.data('problems', 'get', { id: asked.problemId }, t['holder-demo'])
    expect(problem).toMatchObject({ category: 'policy', status: 'submitted', title: '奖励申报材料', source: 'holder' })
    expect(problem.description).toContain('《高新技术企业认定奖励》')
    const ledger = await api.data('problems', 'list', { category: 'policy' }, t['leader-demo'])
    expect(ledger.items.map((p: { id: string }) => p.id)).toContain(asked.problemId)
    const detail = await api.data('policies', 'get', { id: policy.id }, t['holder-demo'])
    expect(detail).toMatchObject({ mayAsk: true, questions: [{ problemId: asked.problemId, status: 'submitted' }] })
    expect(await api.data('policies', 'reach', { id: policy.id }, t['admin-demo'])).toEqual({ matched: 1, notified: 1, opened: 1, asked: 1 })
    expect(code(await api.call('policies', 'ask', { ...question, idempotencyKey: idem() }, t['staff-demo']))).toBe('FORBIDDEN')
  })

  it('reminds the matching holders who opened it of the application deadline, once, 3 working days before', async () => {
    const dueSoon = await publishNew({ title: '研发费用补助申报', applyBy: '2026-10-15' })
    const later = await publishNew({ title: '首台套装备保险补偿申报', applyBy: '2026-10-19' })
    for (const user of ['holder-demo', 'holder-other']) {
      await api.data('policies', 'get', { id: dueSoon.id }, t[user])
      await api.data('policies', 'get', { id: later.id }, t[user])
    }
    const run = () => api.data('jobs', 'run', { job: 'policyDeadlines' }, t['admin-demo'])
    expect(await run()).toEqual({ job: 'policyDeadlines', changed: 1 })
    expect(await run()).toEqual({ job: 'policyDeadlines', changed: 0 })
    const reminders = (await inboxOf('holder-demo')).filter((m) => m.template === 'policy.deadline')
    expect(reminders).toHaveLength(1)
    expect(reminders[0].body).toContain('研发费用补助申报')
    expect((await inboxOf('holder-other')).filter((m) => m.template === 'policy.deadline')).toEqual([])
  })

  it('withdraws a policy: kept and marked for whoever opened it, gone from lists, no more questions', async () => {
    const policy = await publishNew({ title: '军民融合企业资质奖励', industries: ['civilMilitary'], topics: [] })
    await api.data('policies', 'get', { id: policy.id }, t['holder-demo'])
    expect(code(await api.call('policies', 'withdraw', { id: policy.id, reason: '' }, t['admin-demo']))).toBe('VALIDATION_FAILED')
    const withdrawn = await api.data('policies', 'withdraw', { id: policy.id, reason: '政策已由市级文件替代' }, t['admin-demo'])
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '政策已由市级文件替代', availableActions: [] })
    expect(await api.data('policies', 'get', { id: policy.id }, t['holder-demo'])).toMatchObject({ status: 'withdrawn', mayAsk: false })
    expect(code(await api.call('policies', 'get', { id: policy.id }, t['holder-other']))).toBe('NOT_FOUND')
    expect((await api.data('policies', 'list', { q: '军民融合' }, t['holder-demo'])).items).toEqual([])
    expect((await api.data('policies', 'recommended', {}, t['holder-demo'])).items.map((p: { id: string }) => p.id)).not.toContain(policy.id)
    const ask = await api.call('policies', 'ask', { id: policy.id, title: '咨询', description: '还能申报吗？', idempotencyKey: idem() }, t['holder-demo'])
    expect(code(ask)).toBe('INVALID_TRANSITION')
    expect(message(ask)).toBe('该政策已撤回，不能再咨询')
    const listed = await api.data('policies', 'list', { status: 'withdrawn' }, t['admin-demo'])
    expect(listed.items.map((p: { id: string }) => p.id)).toContain(policy.id)
  })

  it('lets a handler manage only their department’s policies, with attachments of their own uploads', async () => {
    const photo = await uploadedKey(host.url, t['handler-demo'])
    const other = await uploadedKey(host.url, t['admin-demo'])
    expect(code(await api.call('policies', 'save', draft({ departmentId: kjj }), t['handler-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('policies', 'save', draft({ attachments: [{ key: other, name: '申报表' }] }), t['handler-demo']))).toBe('PHOTO_NOT_FOUND')
    const saved = await api.data('policies', 'save', draft({ title: '工业用地弹性年期出让指引', kind: 'guide', attachments: [{ key: photo, name: '办理流程图' }] }), t['handler-demo'])
    expect(saved).toMatchObject({ departmentId: zrzy, departmentName: '区自然资源局', attachments: [{ key: photo, name: '办理流程图', url: expect.stringMatching(/\?exp=\d+&sig=/) }] })
    expect(code(await api.call('policies', 'publish', { id: saved.id }, t['handler-approval']))).toBe('NOT_FOUND')
    await api.data('policies', 'publish', { id: saved.id }, t['handler-demo'])
    expect(code(await api.call('policies', 'withdraw', { id: saved.id, reason: '误发' }, t['handler-approval']))).toBe('FORBIDDEN')
    expect(code(await api.call('policies', 'reach', { id: saved.id }, t['handler-approval']))).toBe('FORBIDDEN')
    expect(code(await api.call('policies', 'reach', { id: saved.id }, t['holder-demo']))).toBe('FORBIDDEN')
    expect((await api.data('policies', 'reach', { id: saved.id }, t['handler-demo'])).matched).toBe(1)
    const mine = await api.data('policies', 'list', { status: 'published' }, t['handler-demo'])
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(saved.id)
    expect(mine.items.every((p: { departmentId: string }) => p.departmentId === zrzy)).toBe(true)
    const everyone = await api.data('policies', 'list', {}, t['handler-demo'])
    expect(everyone.items.some((p: { departmentId: string | null }) => p.departmentId !== zrzy)).toBe(true)
  })

  it('takes PDF attachments, served as a sandboxed download; a problem still takes images only', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1')
    const broken = await uploadPhoto(host.url, t['admin-demo'], pdf.subarray(0, 30), 'cut.pdf')
    expect(broken.status).toBe(400)
    const stored = (await (await uploadPhoto(host.url, t['admin-demo'], pdf, '申报指南.pdf')).json()).data
    expect(stored.key).toMatch(/^uploads\/[0-9a-f-]{36}\.pdf$/)
    const saved = await api.data('policies', 'save', draft({ attachments: [{ key: stored.key, name: '申报指南' }] }), t['admin-demo'])
    const served = await fetch(`${host.url}/${saved.attachments[0].url}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    expect(served.headers.get('content-disposition')).toBe('attachment; filename="attachment.pdf"')
    expect(served.headers.get('content-security-policy')).toBe('sandbox')
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true)
    const holderPdf = (await (await uploadPhoto(host.url, t['holder-demo'], pdf, 'x.pdf')).json()).data.key
    const asProblem = await api.call('problems', 'submit', { category: 'policy', title: '附件咨询', description: '见附件', photos: [holderPdf], idempotencyKey: idem() }, t['holder-demo'])
    expect(code(asProblem)).toBe('PHOTO_NOT_FOUND')
  })

  it('answers bad input with a stable code and a Chinese message, never a 500', async () => {
    const cases: Array<[string, object, string]> = [
      ['save', draft({ kind: 'rumour' }), 'admin-demo'],
      ['save', draft({ industries: ['electronics', 'electronics'] }), 'admin-demo'],
      ['save', draft({ body: '<script>alert(1)</script>' }), 'admin-demo'],
      ['save', draft({ effectiveFrom: '2026-12-01', effectiveTo: '2026-11-01' }), 'admin-demo'],
      ['get', { id: 'not-a-uuid' }, 'holder-demo'],
      ['list', { tag: 'electronics' }, 'holder-demo'],
      ['list', { cursor: '!!' }, 'holder-demo'],
      ['setProfile', { industries: ['space'], topics: [] }, 'holder-demo'],
      ['ask', { id: '00000000-0000-4000-8000-000000000000', title: 'x', description: '', idempotencyKey: 'k' }, 'holder-demo'],
      ['withdraw', { id: '00000000-0000-4000-8000-000000000000' }, 'admin-demo'],
    ]
    for (const [action, payload, user] of cases) {
      const reply = await api.call('policies', action, payload, t[user])
      expect([action, reply.status, code(reply)]).toEqual([action, 400, 'VALIDATION_FAILED'])
      expect(message(reply)).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(code(await api.call('policies', 'get', { id: '00000000-0000-4000-8000-000000000000' }, t['holder-demo']))).toBe('NOT_FOUND')
    expect(code(await api.call('policies', 'setProfile', { industries: [], topics: [] }, t['staff-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('policies', 'save', draft(), t['holder-demo']))).toBe('FORBIDDEN')
    expect(code(await api.call('policies', 'list', {}, null))).toBe('UNAUTHENTICATED')
  })

  it('recommends a policy published before the profile came to match it (为我推荐 reads the profile as it is now)', async () => {
    const later = await publishNew({ title: '钓具企业品牌培育奖励', industries: ['fishingGear'], topics: [] })
    const matchedFor = async () => (await api.data('policies', 'recommended', {}, t['holder-other'])).items.find((p: { id: string }) => p.id === later.id)?.matched
    expect(await matchedFor()).toBe(false)
    await api.data('policies', 'setProfile', { industries: ['tourism', 'fishingGear'], topics: [] }, t['holder-other'])
    expect(await matchedFor()).toBe(true)
    await api.data('policies', 'setProfile', { industries: ['tourism'], topics: [] }, t['holder-other'])
  })
})
