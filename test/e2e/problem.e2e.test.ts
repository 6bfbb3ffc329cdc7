import path from 'node:path'
import type { Page } from 'playwright-core'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'

jest.setTimeout(180_000)

/** A real 1×1 PNG: the host recognises images by their bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

describeWithChromium('a problem through the ledger end to end in Chromium (H5 build)', () => {
  const suite = chromiumSuite()
  const { signIn } = suite

  async function openProblem(page: Page, id: string): Promise<void> {
    await page.goto(`${suite.host.url}/#/pages/problems/detail?id=${id}`)
    await page.locator('#problem-detail-status').waitFor()
  }

  /** Opens an action's form, fills its text fields, submits, and waits for the status the action leads to. */
  async function act(page: Page, action: string, fields: Record<string, string>, status: string, before?: () => Promise<void>) {
    await page.locator(`#action-${action}`).click()
    await page.locator('#action-form').waitFor()
    for (const [field, value] of Object.entries(fields)) await page.locator(`#form-${field} textarea`).fill(value)
    await before?.()
    await page.locator('#form-submit').click()
    await page.locator('#problem-detail-status').filter({ hasText: status }).waitFor()
  }

  it('holder submits with a photo → staff defers → admin assigns → handler signs and resolves → holder confirms', async () => {
    const holder = await signIn('holder-demo')
    await holder.locator('#entry-problems').click()
    await holder.locator('#problems-new').click()
    await holder.locator('#problem-category-land').click()
    await holder.locator('#problem-title input').fill('新厂房用地指标')
    await holder.locator('#problem-description textarea').fill('二期厂房需新增用地约20亩，想了解指标申请流程和时限。')
    await holder.locator('#problem-photo-file').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG })
    await holder.locator('#problem-photo-0').waitFor()
    await holder.locator('#problem-submit').click()
    await holder.locator('#problem-detail-status').filter({ hasText: '待受理' }).waitFor()
    await holder.locator('#problem-detail-photo-0').waitFor()
    // The photo is shown through the host's expiring signed link: the browser really loaded it.
    await holder.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('#problem-detail-photo-0 img')
      return img !== null && img.complete && img.naturalWidth === 1
    })

    const holderToken = await suite.api.login('holder-demo')
    const [mine] = (await suite.api.data('problems', 'mine', {}, holderToken)).items
    expect(mine).toMatchObject({ title: '新厂房用地指标', status: 'submitted' })
    const problem = await suite.api.data('problems', 'get', { id: mine.id }, holderToken)
    expect(problem.photos).toHaveLength(1)

    const staff = await signIn('staff-demo')
    await openProblem(staff, mine.id)
    await act(
      staff,
      'defer',
      { explanation: '用地指标须区自然资源局核定，现场无法答复。', suggestion: '准备项目备案和用地规模说明。' },
      '待交办',
      async () => {
        await staff.locator('#form-next-kind-fixedDay').click()
        await staff.locator('[id^="form-next-date-2"]').first().click()
      },
    )

    const adminToken = await suite.api.login('admin-demo')
    const { departments } = await suite.api.data('problems', 'directory', {}, adminToken)
    const land = departments.find((d: { name: string }) => d.name === '区自然资源局')
    const admin = await signIn('admin-demo')
    await openProblem(admin, mine.id)
    await act(admin, 'assign', { plan: '专人对接，两周内答复指标安排。' }, '待签收', () =>
      admin.locator(`#form-department-${land.id}`).click(),
    )

    const handler = await signIn('handler-demo')
    await openProblem(handler, mine.id)
    await act(handler, 'sign', {}, '办理中')
    await act(handler, 'resolve', { resolution: '已纳入年度用地计划，指标于下月下达。' }, '已办结待确认')

    await openProblem(holder, mine.id)
    await act(holder, 'confirm', {}, '已销号')

    const timeline = holder.locator('#problem-timeline .timeline-action')
    await expect(timeline.allInnerTexts()).resolves.toEqual(
      expect.arrayContaining(['提交诉求', '暂缓办理', '交办', '签收', '办结', '确认销号']),
    )
    expect(await timeline.count()).toBe(6)
    await holder.screenshot({ path: path.join(SHOTS, 'problem-closed.png'), fullPage: true })

    const closed = await suite.api.data('problems', 'get', { id: mine.id }, holderToken)
    expect(closed.status).toBe('closed')
    expect(closed.timeline.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      'submitted',
      'deferred',
      'assigned',
      'in_progress',
      'resolved',
      'closed',
    ])
  })

  // Issue 15, defect 1: the page used to keep 待签收 with 签收/退回 after 退回, and 签收 then said 诉求不存在.
  it('after the handler sends a problem back, the page says so, offers no stale action and leaves', async () => {
    const holderToken = await suite.api.login('holder-demo')
    const staffToken = await suite.api.login('staff-demo')
    const adminToken = await suite.api.login('admin-demo')
    const { id } = await suite.api.data(
      'problems',
      'submit',
      { category: 'land', title: '仓储用地规划调整', description: '仓储用地需调整规划用途，想了解办理流程。', idempotencyKey: 'e2e-send-back-1' },
      holderToken,
    )
    const { departments } = await suite.api.data('problems', 'directory', {}, adminToken)
    const land = departments.find((d: { name: string }) => d.name === '区自然资源局')
    const deferred = await suite.api.data(
      'problems',
      'defer',
      { id, version: 0, explanation: '须区自然资源局核实', suggestion: '先准备规划方案', nextStep: { kind: 'homeVisit', date: '2030-01-08' } },
      staffToken,
    )
    await suite.api.data('problems', 'assign', { id, version: deferred.version, departmentId: land.id }, adminToken)

    const handler = await signIn('handler-demo')
    await openProblem(handler, id)
    await handler.locator('#problem-detail-status').filter({ hasText: '待签收' }).waitFor()
    await handler.locator('#action-sendBack').click()
    await handler.locator('#form-reason textarea').fill('不属于本部门职责，建议交区住建局')
    await handler.locator('#form-submit').click()

    await handler.locator('#problem-left').filter({ hasText: '已退回' }).waitFor()
    expect(await handler.locator('#action-sign').count()).toBe(0)
    expect(await handler.locator('body').innerText()).not.toContain('诉求不存在')
    // Opened by its link, the page has nothing to go back to: it goes home (the problem page is at
    // packages/user/pages/problem/detail, its old link pages/problems/detail hands over to it).
    await handler.waitForURL((url) => !/problems?\/detail/.test(url.hash), { timeout: 10_000 })
    const sentBack = await suite.api.data('problems', 'get', { id }, adminToken)
    expect(sentBack.status).toBe('deferred')
  })
})
