import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, PHONE } from '../support/browser'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(120_000)
// Runs only where Chromium exists; the global setup already failed CI or announced the skip loudly.
const describeWithChromium = process.env.CHROMIUM_PATH ? describe : describe.skip
const SHOTS = path.resolve(__dirname, '../../test-results')

describeWithChromium('service card end to end in Chromium (H5 build)', () => {
  let host: RunningHost
  let browser: Browser

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html'))) {
      throw new Error('dist/h5 is missing: run the tests with `npm test`, which builds it')
    }
    ;[host, browser] = await Promise.all([startHost('pglite'), launchChromium()])
    fs.mkdirSync(SHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
  })

  async function signIn(userKey: string): Promise<Page> {
    const context = await browser.newContext(PHONE)
    const page = await context.newPage()
    await page.goto(`${host.url}/#/pages/index/index`)
    await page.locator(`#login-${userKey}`).click()
    await page.locator('#current-user').waitFor()
    return page
  }

  it('holder shows the card, staff verifies the copied token, the same token again is a replay', async () => {
    const holder = await signIn('holder-demo')
    await holder.locator('.taro-tabbar__tabbar').getByText('服务卡').click()
    await holder.locator('#card-holder-name').waitFor()
    await expectText(holder, '#card-holder-name', '威海海川科技有限公司')
    await holder.locator('#card-qr-image').waitFor()
    const identity = holder.locator('#card-identity')
    expect(await identity.innerText()).toContain('*')
    await identity.click()
    expect(await identity.innerText()).toContain('91371002MA3C5XL841')
    const qr = (await holder.locator('#card-qr-text').innerText()).trim()
    expect(qr).toMatch(/^LDZ1\./)
    await holder.screenshot({ path: path.join(SHOTS, 'card-holder.png') })

    const staff = await signIn('staff-demo')
    await staff.locator('#entry-verify').click()
    await staff.locator('#verify-input textarea').fill(qr)
    await staff.locator('#verify-submit').click()
    await expectText(staff, '#verify-holder-name', '威海海川科技有限公司')
    await staff.screenshot({ path: path.join(SHOTS, 'card-verified.png') })

    await staff.locator('#verify-input textarea').fill(qr)
    await staff.locator('#verify-submit').click()
    await expectText(staff, '#verify-error', 'TOKEN_REPLAYED')
    await staff.screenshot({ path: path.join(SHOTS, 'card-replayed.png') })
  })
})

async function expectText(page: Page, selector: string, text: string) {
  await page.locator(selector).filter({ hasText: text }).waitFor({ timeout: 15_000 })
}
