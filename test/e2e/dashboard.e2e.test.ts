import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { apiClient } from '../support/api'
import { launchChromium, PHONE } from '../support/browser'
import { describeWithChromium, SHOTS } from '../support/e2e'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(240_000)

// Monday 2 November 2026, 09:00 in Shanghai: the problem is submitted, deferred and assigned; sign-for is due by the
// end of Tuesday 3 November (one working day). Thursday 5 November: the deadline has passed.
const ASSIGNED_AT = '2026-11-02T09:00:00+08:00'
const TWO_DAYS_LATER = '2026-11-05T09:00:00+08:00'

const CHARTS = ['chart-trend', 'chart-category', 'chart-ranking'] as const

/** Pixels of the canvas that are not fully transparent: 0 for a canvas nothing was drawn on. */
function paintedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null
    const context = canvas?.getContext('2d')
    if (!canvas || !context || canvas.width === 0 || canvas.height === 0) return 0
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data
    let painted = 0
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted += 1
    return painted
  }, id)
}

/**
 * Waits until the canvas has something drawn on it and has stopped changing: F2 animates the chart in, and a
 * screenshot should show the end of it.
 */
async function waitForPaint(page: Page, id: string, minimum = 500, timeoutMs = 10_000): Promise<number> {
  const until = Date.now() + timeoutMs
  let previous = -1
  let painted = 0
  while (Date.now() < until) {
    painted = await paintedPixels(page, id)
    if (painted > minimum && painted === previous) return painted
    previous = painted
    await page.waitForTimeout(250)
  }
  throw new Error(`#${id}: ${painted} pixels drawn and still changing after ${timeoutMs} ms`)
}

describeWithChromium('the leaders’ dashboard end to end in Chromium (H5 build)', () => {
  let dataDir: string
  let host: RunningHost | undefined
  let browser: Browser
  let problemId: string

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true })
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-dashboard-'))
    browser = await launchChromium()

    // First host, on a PGlite folder of our own: a problem is submitted, deferred and assigned to 区自然资源局.
    const first = await startHost('pglite', { CLOCK_START: ASSIGNED_AT, DATA_DIR: dataDir })
    try {
      const api = apiClient(first.url)
      const [holder, staff, admin] = await Promise.all(['holder-demo', 'staff-demo', 'admin-demo'].map((user) => api.login(user)))
      const submitted = await api.data(
        'problems',
        'submit',
        { category: 'land', title: '二期厂房用地指标', description: '二期厂房需新增用地约20亩，指标如何申请？', idempotencyKey: 'dashboard-e2e-problem-1' },
        holder,
      )
      problemId = submitted.id
      await api.data(
        'problems',
        'defer',
        { id: problemId, version: 0, explanation: '用地指标须区自然资源局核定', suggestion: '准备项目备案和用地规模说明', nextStep: { kind: 'fixedDay', date: '2026-11-10' } },
        staff,
      )
      const { departments } = await api.data('problems', 'directory', {}, admin)
      const zrzy = departments.find((d: { name: string }) => d.name === '区自然资源局')
      const assigned = await api.data('problems', 'assign', { id: problemId, version: 1, departmentId: zrzy.id, plan: '专人对接，两周内答复' }, admin)
      expect(assigned).toMatchObject({ status: 'assigned', nextDeadline: { kind: 'sign', overdue: false } })
    } finally {
      await first.stop()
    }

    // Second host on the same folder, its clock two working days on: nobody signed, the overdue job marks it.
    host = await startHost('pglite', { CLOCK_START: TWO_DAYS_LATER, DATA_DIR: dataDir })
  })

  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('marks the problem overdue, draws the three charts, lists the problem in the overdue ledger one tap away, counts a resolution reopened and redone once, and downloads the monthly report', async () => {
    const api = apiClient(host!.url)
    const admin = await api.login('admin-demo')
    await api.data('jobs', 'run', { job: 'overdue' }, admin)
    const leaderToken = await api.login('leader-demo')
    const marked = await api.data('problems', 'get', { id: problemId }, leaderToken)
    expect(marked).toMatchObject({ overdue: true, nextDeadline: { kind: 'sign', overdue: true } })

    // The phone's clock agrees with the host's: "this month" is November 2026.
    const context = await browser.newContext(PHONE)
    await context.clock.install({ time: new Date(TWO_DAYS_LATER) })
    const page = await context.newPage()
    await page.goto(`${host!.url}/#/pages/index/index`)
    await page.locator('#login-leader-demo').click()
    await page.locator('#current-user').waitFor()
    await page.locator('#entry-leader-dashboard').click()

    await page.locator('#dash-month-received').waitFor()
    await expect(page.locator('#dash-month-overdue').innerText()).resolves.toMatch(/^1\s*超期/)
    await expect(page.locator('#dash-month-received').innerText()).resolves.toMatch(/^1\s*受理诉求/)
    for (const id of CHARTS) {
      await page.locator(`#${id}-box.chart-drawn`).waitFor({ timeout: 20_000 })
      await waitForPaint(page, id)
    }
    const painted = Object.fromEntries(await Promise.all(CHARTS.map(async (id) => [id, await paintedPixels(page, id)] as const)))
    // The H5 page scrolls inside its own container, which a full-page screenshot does not unroll: make the phone tall.
    const height = await page.evaluate(() => Math.max(...Array.from(document.querySelectorAll('.page')).map((el) => el.scrollHeight)))
    await page.setViewportSize({ width: PHONE.viewport.width, height: Math.min(4000, height + 100) })
    const shot = path.join(SHOTS, 'dashboard.png')
    await page.screenshot({ path: shot, fullPage: true })
    for (const id of CHARTS) await page.locator(`#${id}-box`).screenshot({ path: path.join(SHOTS, `dashboard-${id}.png`) })
    console.log(`dashboard screenshot: ${shot}\ncanvas pixels drawn: ${JSON.stringify(painted)}`)

    await page.setViewportSize(PHONE.viewport)
    await page.locator('#dash-overdue-ledger').click()
    await page.locator(`#problem-${problemId}`).waitFor()
    await expect(page.locator('#filter-overdue').getAttribute('class')).resolves.toContain('chip-active')
    await expect(page.locator(`#problem-${problemId}`).innerText()).resolves.toContain('二期厂房用地指标')
    await page.waitForTimeout(500) // the H5 router slides the new page in
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-overdue-ledger.png') })

    // 办结 counts a resolution that stands: resolved, reopened by the holder and resolved again is one, not two.
    const [handler, holder] = await Promise.all(['handler-demo', 'holder-demo'].map((user) => api.login(user)))
    const work = async (action: string, token: string, payload: object = {}) => {
      const { version } = await api.data('problems', 'get', { id: problemId }, admin)
      return api.data('problems', action, { id: problemId, version, ...payload }, token)
    }
    const resolvedTile = async (count: number) => {
      await page.reload()
      await page.locator('#dash-month-resolved', { hasText: new RegExp(`^${count}\\s*办结`) }).waitFor()
    }
    await page.goto(`${host!.url}/#/packages/leader/pages/dashboard/index`)
    await work('sign', handler)
    await work('resolve', handler, { resolution: '用地指标已核定并下达企业' })
    await resolvedTile(1)
    await work('reopen', holder, { reason: '核定的指标少于申请面积，请重新核定' })
    await resolvedTile(0)
    await work('sign', handler)
    await work('resolve', handler, { resolution: '已按申请面积重新核定用地指标' })
    await resolvedTile(1)
    await expect(page.locator('#dash-month-received').innerText()).resolves.toMatch(/^1\s*受理诉求/)

    // 月度报表: October's report (generated by the monthly job), per department, downloaded as .xlsx by the browser.
    await api.data('jobs', 'run', { job: 'monthlyReport' }, admin)
    const { departments } = await api.data('problems', 'directory', {}, admin)
    const zrzy = departments.find((d: { name: string }) => d.name === '区自然资源局')
    await page.goto(`${host!.url}/#/packages/leader/pages/report/index`)
    await page.locator(`#report-dept-${zrzy.id}`).waitFor()
    await expect(page.locator('#report-period').innerText()).resolves.toBe('2026年10月')
    await expect(page.locator('#report-total').innerText()).resolves.toContain('全区合计')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-export').click()])
    expect(download.suggestedFilename()).toBe('2026年10月诉求办理月报.xlsx')
    const xlsx = await download.path()
    expect(fs.readFileSync(xlsx!).subarray(0, 2).toString()).toBe('PK') // a zip: the .xlsx container
    await page.locator('#report-export-result').waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'report.png') })
    await context.close()
  })
})
