import path from 'node:path'
import type { Page } from 'playwright-core'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'

jest.setTimeout(120_000)

describeWithChromium('service card end to end in Chromium (H5 build)', () => {
  const { signIn } = chromiumSuite()

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
    await holder.locator('#card-desktop-toggle').click() // 电脑端核验: the code as text, folded away
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
    await expectText(staff, '#verify-error', '已被核验过，不能重复使用')
    await expect(staff.locator('#verify-error-message').getAttribute('data-code')).resolves.toBe('TOKEN_REPLAYED')
    await staff.screenshot({ path: path.join(SHOTS, 'card-replayed.png') })
  })
})

async function expectText(page: Page, selector: string, text: string) {
  await page.locator(selector).filter({ hasText: text }).waitFor({ timeout: 15_000 })
}
