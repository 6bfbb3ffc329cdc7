import { apiClient, type ApiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(120_000)

// Friday before 春节 2027. chinese-days has no 2027, so until the district enters the notice Monday 8 February counts
// as a working day.
const CLOCK_START = '2027-02-05T10:00:00+08:00'

/** The State Council's 2027 arrangement as a district would enter it in 节假日安排 (春节: 8–12 February off, 20 February worked). */
const SPRING_FESTIVAL_2027 = [
  { date: '2027-01-01', off: true },
  ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({ date, off: true })),
  { date: '2027-02-20', off: false },
]

describe('the district calendar drives deadlines (host, PGlite)', () => {
  let host: RunningHost
  let api: ApiClient
  const token: Record<string, string> = {}
  let serial = 0

  beforeAll(async () => {
    host = await startHost('pglite', { CLOCK_START })
    api = apiClient(host.url)
    for (const user of ['holder-demo', 'staff-demo', 'admin-demo', 'leader-demo']) token[user] = await api.login(user)
  })
  afterAll(() => host?.stop())

  /** A problem submitted, deferred at the station and assigned to a department now: its sign-for deadline. */
  async function signByOfNewAssignment(): Promise<string> {
    serial += 1
    const { id } = await api.data('problems', 'submit', { category: 'land', title: `用地问题${serial}`, description: '用地预审材料咨询', idempotencyKey: `calendar-${serial}-${Date.now()}` }, token['holder-demo'])
    const submitted = await api.data('problems', 'get', { id }, token['staff-demo'])
    const deferred = await api.data(
      'problems',
      'defer',
      { id, explanation: '需部门核实', suggestion: '先准备材料', nextStep: { kind: 'homeVisit', date: '2027-02-18' }, version: submitted.version },
      token['staff-demo'],
    )
    const { departments } = await api.data('problems', 'directory', {}, token['admin-demo'])
    const assigned = await api.data('problems', 'assign', { id, departmentId: departments[0].id, version: deferred.version }, token['admin-demo'])
    return assigned.deadlines.signBy
  }

  it('counts Monday–Friday for an unconfirmed year and warns administrators and leaders', async () => {
    expect(await signByOfNewAssignment()).toBe('2027-02-08T15:59:59.999Z')
    const overview = await api.data('org', 'overview', {}, token['leader-demo'])
    expect(overview.calendarWarnings).toEqual([expect.objectContaining({ year: 2027, kind: 'missing' })])
    const { calendar } = await api.data('org', 'calendar', { year: 2027 }, token['admin-demo'])
    expect(calendar).toMatchObject({ source: 'none', confirmed: false, days: [] })
  })

  it('follows the saved year at once: the sign-for deadline moves past 春节 and the warning goes', async () => {
    const { calendar } = await api.data('org', 'saveCalendar', { year: 2027, days: SPRING_FESTIVAL_2027 }, token['admin-demo'])
    expect(calendar).toMatchObject({ source: 'district', confirmed: true, confirmedByName: expect.stringContaining('孙磊') })
    expect(calendar.days).toHaveLength(7)
    expect(await signByOfNewAssignment()).toBe('2027-02-15T15:59:59.999Z')
    expect((await api.data('org', 'overview', {}, token['leader-demo'])).calendarWarnings).toEqual([])
  })

  it('drops days that change nothing, and refuses dates outside the year', async () => {
    const { calendar } = await api.data('org', 'saveCalendar', { year: 2027, days: [...SPRING_FESTIVAL_2027, { date: '2027-02-07', off: true }, { date: '2027-02-17', off: false }] }, token['admin-demo'])
    expect(calendar.days.map((day: { date: string }) => day.date)).not.toContain('2027-02-07')
    expect(calendar.days).toHaveLength(7)
    const wrong = await api.call('org', 'saveCalendar', { year: 2027, days: [{ date: '2028-01-01', off: true }] }, token['admin-demo'])
    expect(wrong).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('2027年') } } })
    expect((await api.call('org', 'saveCalendar', { year: 2027, days: [] }, token['leader-demo'])).status).toBe(403)
  })
})
