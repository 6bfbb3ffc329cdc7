import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { apiClient, type ApiClient } from '../support/api'
import { launchChromium } from '../support/browser'
import { describeWithChromium, SHOTS } from '../support/e2e'
import { startHost, type RunningHost } from '../support/host'
import { WechatStub } from '../support/wechat-stub'

jest.setTimeout(120_000)

/** A PC browser window, as leaders and administrators open the console. */
const DESKTOP = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }

describeWithChromium('desktop console sign-in by QR code (H5 build, dev login off)', () => {
  let wechat: WechatStub
  let host: RunningHost
  let browser: Browser
  let api: ApiClient

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html'))) {
      throw new Error('dist/h5 is missing: run the tests with `npm test`, which builds it')
    }
    fs.mkdirSync(SHOTS, { recursive: true })
    wechat = await new WechatStub().start()
    ;[host, browser] = await Promise.all([
      startHost('pglite', { DEV_LOGIN: '0', ...wechat.hostEnv }),
      launchChromium(),
    ])
    api = apiClient(host.url)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await wechat?.stop()
  })

  it('the console shows a QR code; the phone signs in with WeChat and approves it; the browser is signed in; the code works once', async () => {
    const page = await (await browser.newContext(DESKTOP)).newPage()
    // What the browser itself received (its poll key included), to replay its poll afterwards as an attacker would.
    const challenges: Array<{ challengeId: string; pollKey: string; qr: string }> = []
    page.on('response', async (response) => {
      if (!response.url().endsWith('/api/auth') || !response.request().postData()?.includes('"desktopChallenge"')) return
      const body = await response.json().catch(() => null)
      if (body?.ok) challenges.push(body.data)
    })
    await page.goto(`${host.url}/#/pages/index/index`)

    const qr = page.locator('#desktop-qr')
    await qr.waitFor({ timeout: 20_000 })
    const qrText = (await qr.getAttribute('data-qr')) ?? ''
    expect(qrText).toMatch(/^LDZW-DESKTOP:[0-9a-f-]{36}$/)
    const challengeId = qrText.slice('LDZW-DESKTOP:'.length)
    expect(await page.locator('#desktop-sign-in').innerText()).toContain('请用微信小程序“我的 → 扫一扫”扫码登录')
    expect(await page.locator('#desktop-status').innerText()).toContain('等待扫码确认')
    // The QR image really is an image the browser decoded.
    expect(await qr.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
    // Dev login is off: no role switcher.
    expect(await page.locator('[id^="login-"]').count()).toBe(0)
    expect(challenges.map((c) => c.challengeId)).toContain(challengeId)
    await page.screenshot({ path: path.join(SHOTS, 'desktop-signin-qr.png') })

    // The phone: wx.login's code exchanged through the stand-in WeChat server, then 我的 → 扫一扫 → 确认登录.
    const phone = await api.data<{ token: string; user: { id: string; name: string; roles: string[] } }>('auth', 'login', { code: 'phone-code-0001' })
    expect(wechat.loginRequests.at(-1)).toMatchObject({ appid: 'test-appid', js_code: 'phone-code-0001', grant_type: 'authorization_code' })
    expect(phone.user.roles).toEqual([])
    // Before approval the browser's poll gets no token.
    const mine = challenges.find((c) => c.challengeId === challengeId)!
    const pending = await api.call('auth', 'pollDesktop', { challengeId, pollKey: mine.pollKey })
    expect(pending.body).toEqual({ ok: true, data: { status: 'pending' } })

    // The scanned text as the scanner hands it over (the prefix included).
    await api.data('auth', 'approveDesktop', { challengeId: qrText }, phone.token)
    await page.locator('#current-user').waitFor({ timeout: 15_000 })
    expect(await page.locator('#current-user').innerText()).toBe(phone.user.name)
    expect(await page.locator('#desktop-sign-in').count()).toBe(0)

    // The same code again: refused, and its poll hands out no second session.
    const again = await api.call('auth', 'approveDesktop', { challengeId }, phone.token)
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ ok: false, error: { code: 'CHALLENGE_USED' } })
    const replay = await api.call('auth', 'pollDesktop', { challengeId, pollKey: mine.pollKey })
    expect(replay.body.ok).toBe(false)
    expect(JSON.stringify(replay.body)).not.toContain('token')
    // Someone who photographed the screen has the id but not the browser's key.
    const stranger = await api.call('auth', 'pollDesktop', { challengeId, pollKey: 'A'.repeat(43) })
    expect(stranger.body.ok).toBe(false)

    // The browser keeps its session: reloading signs in from the stored token, no new QR code.
    await page.reload()
    await page.locator('#current-user').waitFor({ timeout: 15_000 })
    expect(await page.locator('#current-user').innerText()).toBe(phone.user.name)
    expect(await page.locator('#desktop-qr').count()).toBe(0)

    // 1280×800: the content is a readable column in the middle of the window.
    const box = (await page.locator('.page').first().boundingBox())!
    expect(box.width).toBeLessThanOrEqual(960)
    expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThan(20)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(SHOTS, 'desktop-signin.png') })

    // 我的 on the console: the pasted-QR field (no camera in a browser), invitations and 退出登录, in the same column.
    await page.locator('.taro-tabbar__tabbar').getByText('我的').click()
    await page.locator('#mine-logout').waitFor()
    expect(await page.locator('#mine-scan-input').count()).toBe(1)
    expect(await page.locator('#invite-code-input').count()).toBe(1)
    await page.waitForTimeout(300)
    await page.screenshot({ path: path.join(SHOTS, 'desktop-mine.png') })
  })
})
