import { chromiumSuite, describeWithChromium } from '../support/e2e'

jest.setTimeout(120_000)

/**
 * Issue 15, defect 7: H5 has a navigation bar — the page's title, 返回 after moving within the app, 首页 on a page
 * opened by a link (it has no history to go back to), neither on a tab page.
 */
describeWithChromium('H5 navigation bar', () => {
  const suite = chromiumSuite()

  it('shows the title, goes back within the app, and leads home from a page opened by a link', async () => {
    const page = await suite.signIn('leader-demo')
    const bar = page.locator('#taro-navigation-bar')
    const title = bar.locator('.taro-navigation-bar-title')
    const back = page.getByRole('button', { name: '返回' })
    const home = page.getByRole('button', { name: '首页' })

    await page.locator('.home-tile:visible', { hasText: '诉求台帐' }).first().click()
    await page.waitForURL(/packages\/leader\/pages\/ledger/)
    await bar.locator('.taro-navigation-bar-title', { hasText: '诉求台帐' }).waitFor()
    expect(await back.isVisible()).toBe(true)
    const box = await back.boundingBox()
    expect(box && Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44)
    await back.click()
    await page.locator('#home-title').waitFor()
    expect(await back.isVisible()).toBe(false)
    expect(await home.isVisible()).toBe(false)

    await page.goto(`${suite.host.url}/#/packages/leader/pages/report/index`)
    await page.reload()
    await bar.locator('.taro-navigation-bar-title', { hasText: '月度报表' }).waitFor()
    expect([await title.textContent(), await back.isVisible()]).toEqual(['月度报表', false])
    await home.click()
    await page.waitForURL(/pages\/index\/index/)
    await page.locator('#home-title').waitFor()
  })
})
