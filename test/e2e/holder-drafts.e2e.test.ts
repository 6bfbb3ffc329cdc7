import type { Route } from 'playwright-core'
import { chromiumSuite, describeWithChromium, shot } from '../support/e2e'
import { PNG } from '../support/images'

jest.setTimeout(180_000)

const TITLE = '离线时提交的用地诉求'

describeWithChromium('a holder submits a problem on a failing network (H5 build in Chromium)', () => {
  const suite = chromiumSuite()

  it('waits as 待发送 through an offline tap, a reload without a network and a lost answer, then the backend holds it once, with its photo', async () => {
    const page = await suite.signIn('holder-demo')
    const context = page.context()
    const keys: string[] = []
    page.on('request', (request) => {
      const body = request.method() === 'POST' && request.url().endsWith('/api/problems') ? request.postDataJSON() : null
      if (body?.action === 'submit') keys.push(body.idempotencyKey)
    })
    await page.locator('#entry-problems').click()
    await page.locator('#problems-new').click()
    await page.locator('#problem-category-land').click()
    await page.locator('#problem-title input').fill(TITLE)
    await page.locator('#problem-description textarea').fill('二期厂房需新增用地约20亩，想了解指标申请流程。')
    await page.locator('#problem-photo-file').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG })
    await page.locator('#problem-photo-0').waitFor()
    await page.waitForFunction(() => !document.querySelector('#problem-photo-0')?.textContent?.includes('上传中'))

    // The service worker holds the app's files once it is active: only then can the page reload without a network.
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true)

    // 1. No network at all: the tap reaches nothing and the problem waits.
    await context.setOffline(true)
    await page.locator('#problem-submit').click()
    await page.locator('#problem-queued').filter({ hasText: '待发送' }).waitFor()

    // 2. The page is reloaded with the network still off: the draft, its photo and its state come back.
    await page.reload()
    await page.locator('#problem-queued').filter({ hasText: '待发送' }).waitFor()
    expect(await page.locator('#problem-title input').inputValue()).toBe(TITLE)
    await page.locator('#problem-photo-0').waitFor()
    await shot(page, 'holder-problem-queued.png')

    // 3. The network returns and the page sends by itself, but the answer is lost on the way back: the backend stored
    // the problem, the page still shows 待发送.
    let lost = 0
    const isSubmit = (route: Route) => route.request().method() === 'POST' && route.request().postDataJSON()?.action === 'submit'
    const loseAnswer = async (route: Route) => {
      if (!isSubmit(route)) return route.continue()
      await route.fetch()
      lost += 1
      await route.abort('internetdisconnected')
    }
    await page.route('**/api/problems', loseAnswer)
    await context.setOffline(false)
    for (let i = 0; i < 100 && lost === 0; i++) await page.waitForTimeout(100)
    expect(lost).toBe(1)
    await page.locator('#problem-queued').waitFor()
    await page.unroute('**/api/problems', loseAnswer)

    // 4. 重试 sends the same submission, and the backend answers its first copy.
    await page.locator('#problem-retry').click()
    await page.locator('#problem-detail-status').filter({ hasText: '待受理' }).waitFor()
    expect(keys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(keys).size).toBe(1)

    const token = await suite.api.login('holder-demo')
    const mine = (await suite.api.data('problems', 'mine', {}, token)).items.filter((p: { title: string }) => p.title === TITLE)
    expect(mine).toHaveLength(1)
    const problem = await suite.api.data('problems', 'get', { id: mine[0].id }, token)
    expect(problem.photos).toHaveLength(1)
    // Sent, the draft is gone: the form opens empty.
    await page.goto(`${suite.host.url}/#/packages/holder/pages/problems/submit`)
    await page.locator('#problem-submit').waitFor()
    expect(await page.locator('#problem-title input').inputValue()).toBe('')
  })
})
