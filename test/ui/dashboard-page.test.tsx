import { Line } from '@antv/f2'
import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DashboardPage from '@/packages/leader/pages/dashboard/index'
import LedgerPage from '@/packages/leader/pages/ledger/index'
import { categoryChart, rankingChart, shortDepartment, trendChart, valueAxis, weekLabel } from '@/packages/leader/charts/chart-data'
import { f2Tree } from '@/packages/leader/charts/F2Chart'
import { dashboardRanges } from '@/stores/dashboard.store'
import { CZJ, dashboardView, figures, RSJ, ZRZY } from './dashboard-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { leaderUser } from './problem-fixtures'
import { click, expectNotice, renderPage } from './render'

describe('chart data of the dashboard (pure)', () => {
  it('turns the weekly trend into two series, oldest week first', () => {
    const spec = trendChart(dashboardView().trend)
    expect(spec).toMatchObject({ kind: 'line', unit: 'count' })
    expect(spec.data).toEqual([
      { x: '10/26', y: 7, series: '受理诉求' },
      { x: '10/26', y: 6, series: '办结' },
      { x: '11/2', y: 9, series: '受理诉求' },
      { x: '11/2', y: 5, series: '办结' },
    ])
    // Named as the tiles name the same figures (issue 15, defect 10).
    expect(spec.caption).toBe('按周受理诉求与办结')
    expect(weekLabel('2026-01-05')).toBe('1/5')
    expect(trendChart([]).data).toEqual([])
  })

  it('shows categories with problems, most first, named for what they count (submitted, not 受理)', () => {
    expect(categoryChart(dashboardView().byCategory)).toMatchObject({
      kind: 'column',
      caption: '按类别：新提交诉求',
      data: [
        { x: '政策', y: 14 },
        { x: '土地', y: 9 },
      ],
    })
  })

  it('draws the 办结 line dashed, so a 受理诉求 line of the same values is not hidden under it', () => {
    const tree = f2Tree(trendChart(dashboardView().trend)) as unknown as { props: { children: Array<{ type: unknown; props: Record<string, unknown> }> } }
    const line = tree.props.children.find((child) => child.type === Line)
    expect(line?.props.shape).toEqual({ field: 'series', range: ['line', 'dash'] })
  })

  it('ranks departments by on-time resolution rate in percent, leaving out those without a rate', () => {
    const spec = rankingChart(dashboardView().departmentRanking)
    expect(spec).toMatchObject({ kind: 'bar', unit: 'percent', caption: '部门按时办结率排名' })
    expect(spec.data).toEqual([
      { x: '自然资源局', y: 100 },
      { x: '财政局', y: 80 },
    ])
  })

  it('ranks by what was received while no department has a rate yet', () => {
    const rows = dashboardView().departmentRanking.map((row) => ({ ...row, onTimeResolutionRate: null }))
    const spec = rankingChart(rows)
    expect(spec).toMatchObject({ unit: 'count', caption: '部门受理量排名（尚无办结）' })
    expect(spec.data.map((d) => d.x)).toEqual(['自然资源局', '财政局', '人力资源和社会保障局'])
    expect(rankingChart([]).data).toEqual([])
    expect(shortDepartment('区委区政府督查室')).toBe('督查室')
    expect(shortDepartment('市生态环境局环翠分局')).toBe('生态环境局环翠分局')
  })

  it('keeps the value axis in whole numbers for small counts and 0–100 for rates', () => {
    expect(valueAxis(trendChart([{ weekStart: '2026-11-02', received: 1, resolved: 0 }]))).toEqual({ min: 0, max: 4, tickCount: 5 })
    expect(valueAxis(categoryChart(dashboardView().byCategory))).toEqual({ min: 0, tickCount: 5, nice: true })
    expect(valueAxis(rankingChart(dashboardView().departmentRanking))).toEqual({ min: 0, max: 100, tickCount: 5 })
  })

  it('asks for this month so far and twelve weeks of trend, in Shanghai dates', () => {
    // 2026-11-05 20:00 UTC is already Friday 6 November in Shanghai.
    expect(dashboardRanges(Date.parse('2026-11-05T20:00:00Z'))).toEqual({
      today: '2026-11-06',
      month: '2026-11',
      period: { from: '2026-11-01', to: '2026-11-06' },
      trend: { from: '2026-08-17', to: '2026-11-06' },
    })
  })
})

describe('领导驾驶舱', () => {
  const saved = process.env.TARO_APP_WECHAT_TEMPLATES
  let getContext: jest.SpyInstance
  beforeEach(() => {
    // jsdom has no 2D context: the chart wrapper must say so instead of failing.
    getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  })
  afterEach(() => {
    process.env.TARO_APP_WECHAT_TEMPLATES = saved
    jest.restoreAllMocks()
  })

  function dashboardApi() {
    return new FakeApi().on('reports.dashboard', ({ from }) =>
      ok(String(from).endsWith('-01') ? dashboardView() : dashboardView({ trend: [{ weekStart: '2026-08-17', received: 1, resolved: 0 }] })),
    )
  }

  it('shows today’s and this month’s figures, rates as percentages and “—” without a denominator', async () => {
    const api = dashboardApi()
    const { store } = await renderPage(<DashboardPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('dash-month-received')).toBeTruthy())
    const text = (id: string) => document.getElementById(id)!.textContent
    expect(text('dash-month-received')).toBe('40受理诉求')
    expect(text('dash-month-answeredOnSpot')).toBe('12当场答复')
    expect(text('dash-month-resolved')).toBe('20办结')
    expect(text('dash-month-overdue')).toBe('3超期')
    expect(text('dash-month-escalated')).toBe('1专报')
    expect(text('dash-month-onTimeResolutionRate')).toBe('95.0%按时办结率')
    expect(text('dash-month-timelySignRate')).toBe('96.0%及时签收率')
    expect(text('dash-month-satisfactionRate')).toBe('93.8%满意率')
    expect(text('dash-month-badRatings')).toBe('1差评')
    expect(text('dash-today-received')).toBe('2受理诉求')
    expect(text('dash-today-onTimeResolutionRate')).toBe('—按时办结率')
    expect(document.getElementById('dash-month-overdue')!.className).toContain('dash-tile-alarm')
    expect(document.getElementById('dash-today-overdue')!.className).not.toContain('dash-tile-alarm')
    expect(text('dash-overdue-ledger')).toContain('本月超期诉求 3 件')

    const [month, weeks] = api.callsOf('reports.dashboard').map((c) => c.payload)
    expect(month.from).toMatch(/^\d{4}-\d{2}-01$/)
    expect(month.to).toBe(weeks.to)
    expect(String(weeks.from) < String(month.from)).toBe(true)
    store.dispose()
  })

  it('mounts the three chart canvases, and says when a chart has no data', async () => {
    // jsdom lays nothing out: the canvas's layout size, and its bounding box in elderly mode's 1.3× zoom.
    jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(343)
    jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(220)
    jest.spyOn(HTMLCanvasElement.prototype, 'getBoundingClientRect').mockReturnValue({ width: 343 * 1.3, height: 220 * 1.3 } as DOMRect)
    const api = new FakeApi().on('reports.dashboard', () => ok(dashboardView({ byCategory: [], departmentRanking: [] })))
    const { store } = await renderPage(<DashboardPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('chart-trend')).toBeTruthy())
    expect(document.getElementById('chart-trend')!.tagName).toBe('CANVAS')
    expect(document.getElementById('chart-trend-box')!.textContent).toContain('按周受理诉求与办结')
    // No 2D context in jsdom: the wrapper gives up cleanly after its retries.
    await waitFor(() => expect(document.getElementById('chart-trend-box')!.className).toContain('chart-unsupported'), { timeout: 4000 })
    expect(getContext).toHaveBeenCalledWith('2d')
    expect(document.getElementById('chart-category')).toBeNull()
    expect(document.getElementById('chart-category-box')!.className).toContain('chart-empty')
    expect(document.getElementById('chart-category-box')!.textContent).toContain('暂无数据')
    expect(document.getElementById('chart-ranking-box')!.className).toContain('chart-empty')
    store.dispose()
  })

  it('opens the overdue ledger in one tap, and the ledger lists overdue problems only', async () => {
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    const api = dashboardApi()
    const { store, unmount } = await renderPage(<DashboardPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('dash-overdue-ledger')).toBeTruthy())
    await click('dash-overdue-ledger')
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/leader/pages/ledger/index?overdue=1' })
    unmount()
    store.dispose()

    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { overdue: '1' } } } as never)
    const ledgerApi = new FakeApi()
      .on('problems.list', () => ok({ items: [], nextCursor: null, total: { count: 10000, more: true } }))
      .on('problems.directory', () => ok({ departments: [{ id: ZRZY, name: '区自然资源局' }], leaders: [] }))
    const ledger = await renderPage(<LedgerPage />, ledgerApi, leaderUser)
    // Its total, beside what the filters are set to (issue 15, defect 10).
    await waitFor(() => expect(document.getElementById('ledger-total')?.textContent).toBe('超过 10000 条诉求'))
    await waitFor(() => expect(ledgerApi.callsOf('problems.list')).toHaveLength(1))
    expect(ledgerApi.callsOf('problems.list')[0].payload).toEqual({ overdue: true, limit: 20 })
    await waitFor(() => expect(document.getElementById('filter-overdue')!.className).toContain('chip-active'))
    ledger.store.dispose()
  })

  it('offers leaders the consent for overdue, escalation and report messages only when template ids are configured', async () => {
    const ask = jest.spyOn(Taro as unknown as { requestSubscribeMessage: () => Promise<unknown> }, 'requestSubscribeMessage')
    const first = await renderPage(<DashboardPage />, dashboardApi(), leaderUser)
    await waitFor(() => expect(document.getElementById('dash-month-received')).toBeTruthy())
    expect(document.getElementById('subscribe-leader')).toBeNull()
    first.unmount()
    first.store.dispose()

    process.env.TARO_APP_WECHAT_TEMPLATES = JSON.stringify({ 'problem.overdue': 'T-o', 'problem.escalated': 'T-e', 'report.ready': 'T-r', 'rating.bad': 'T-b' })
    ask.mockResolvedValue({ 'T-o': 'accept', 'T-e': 'reject', 'T-r': 'accept' })
    const api = dashboardApi().on('notifications.subscribe', () => ok({ granted: 2 }))
    const { store } = await renderPage(<DashboardPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('subscribe-leader')).toBeTruthy())
    expect(ask).not.toHaveBeenCalled()
    await click('subscribe-leader-button')
    await waitFor(() => expect(api.callsOf('notifications.subscribe')).toHaveLength(1))
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['T-o', 'T-e', 'T-r'] })
    expect(api.callsOf('notifications.subscribe')[0].payload).toEqual({
      templateKeys: ['problem.overdue', 'problem.escalated', 'report.ready'],
      granted: ['problem.overdue', 'report.ready'],
    })
    store.dispose()
  })

  it('is for leaders and admins only, and shows the error of a failed load', async () => {
    const none = await renderPage(<DashboardPage />, new FakeApi(), holderUser)
    expect(document.body.textContent).toContain('领导驾驶舱仅限区领导和管理员查看')
    none.unmount()
    none.store.dispose()

    const api = new FakeApi().on('reports.dashboard', () => ({ ok: false, error: { code: 'FORBIDDEN', message: '无权查看' } }))
    const { store } = await renderPage(<DashboardPage />, api, leaderUser)
    await waitFor(() => expect(document.getElementById('dash-error')).toBeTruthy())
    expectNotice('dash-error', 'FORBIDDEN')
    store.dispose()
  })

  it('keeps the core’s figure keys (a renamed key would show undefined)', () => {
    const f = figures({ received: 1 })
    for (const key of ['received', 'answeredOnSpot', 'resolved', 'overdue', 'escalated', 'onTimeResolutionRate', 'timelySignRate', 'satisfactionRate', 'badRatings']) {
      expect(key in f).toBe(true)
    }
    expect([CZJ, RSJ]).toHaveLength(2)
  })
})
