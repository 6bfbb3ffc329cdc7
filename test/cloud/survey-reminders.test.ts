import { apiClient, type ApiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(180_000)

// Wednesday 30 September 2026: the demo survey opens today for 14 days; holder-other answered it, holder-demo has not.
const CLOCK_START = '2026-09-30T10:00:00+08:00'
const NEXT_DAY = '2026-10-01T09:00:00+08:00'

type Reply = { status: number; body: unknown }
const code = (reply: Reply) => (reply.body as { error?: { code: string } }).error?.code
const message = (reply: Reply) => (reply.body as { error?: { message: string } }).error?.message

describeOnPostgres('提醒未填写 on PostgreSQL', () => {
  const hosts: RunningHost[] = []
  afterAll(async () => {
    for (const host of hosts.reverse()) await host.stop()
  })

  async function on(clock: string, url?: string) {
    const host = await startHost('postgres', { CLOCK_START: clock, ...(url ? { DATABASE_URL: url } : {}) })
    hosts.push(host)
    const api = apiClient(host.url)
    const t: Record<string, string> = {}
    for (const user of ['admin-demo', 'leader-demo', 'holder-demo', 'holder-other']) t[user] = await api.login(user)
    return { host, api, t }
  }
  const reminders = async (api: ApiClient, token: string) =>
    (await api.data('notifications', 'inbox', {}, token)).items.filter((m: { template: string }) => m.template === 'survey.reminder')

  it('reminds each holder who has not answered at most once a day, and the results say when it last went out', async () => {
    const first = await on(CLOCK_START)
    const { api, t } = first
    const survey = (await api.data('surveys', 'list', { status: 'open' }, t['admin-demo'])).items[0]
    expect((await api.data('surveys', 'results', { id: survey.id }, t['admin-demo'])).lastReminder).toBeNull()

    for (const user of ['leader-demo', 'holder-demo']) expect(code(await api.call('surveys', 'remind', { id: survey.id }, t[user]))).toBe('FORBIDDEN')
    const bad = await api.call('surveys', 'remind', { id: 'nope' }, t['admin-demo'])
    expect([bad.status, code(bad)]).toEqual([400, 'VALIDATION_FAILED'])
    expect(message(bad)).toMatch(/[\u4e00-\u9fa5]/)
    const missing = await api.call('surveys', 'remind', { id: '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f' }, t['admin-demo'])
    expect([missing.status, code(missing), message(missing)]).toEqual([404, 'NOT_FOUND', '问卷不存在'])

    // Two taps at once and a third later the same day: one message.
    const [a, b] = await Promise.all([1, 2].map(() => api.data('surveys', 'remind', { id: survey.id }, t['admin-demo'])))
    expect([a.recipients, b.recipients].sort()).toEqual([0, 1])
    expect((await api.data('surveys', 'remind', { id: survey.id }, t['admin-demo'])).recipients).toBe(0)
    const told = await reminders(api, t['holder-demo'])
    expect(told).toHaveLength(1)
    expect(told[0]).toMatchObject({ title: '问卷填写提醒', body: expect.stringContaining('营商环境企业评价调查'), link: `packages/survey/pages/answer/index?id=${survey.id}` })
    expect(await reminders(api, t['holder-other'])).toHaveLength(0)
    const results = await api.data('surveys', 'results', { id: survey.id }, t['admin-demo'])
    expect(results.lastReminder).toEqual({ sentAt: expect.stringMatching(/^2026-09-30T02:/), recipients: 1 })
    expect((await api.data('surveys', 'results', { id: survey.id }, t['leader-demo'])).lastReminder).toBeNull()

    // The next day the holder may be reminded again.
    const next = await on(NEXT_DAY, first.host.env.DATABASE_URL)
    expect((await next.api.data('surveys', 'remind', { id: survey.id }, next.t['admin-demo'])).recipients).toBe(1)
    expect(await reminders(next.api, next.t['holder-demo'])).toHaveLength(2)
    expect((await next.api.data('surveys', 'results', { id: survey.id }, next.t['admin-demo'])).lastReminder.sentAt).toMatch(/^2026-10-01T01:/)
  })
})
