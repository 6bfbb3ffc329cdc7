import path from 'node:path'
import jsQR from 'jsqr'
import type { BrowserContext, Page } from 'playwright-core'
import { PNG as PngImage } from 'pngjs'
import { PHONE } from '../support/browser'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'
import { newHolder } from '../support/holders'
import { PNG } from '../support/images'

jest.setTimeout(600_000)

// Monday 28 September 2026, 09:10 in Shanghai: ten minutes into the session below, on the host and on every page.
const CLOCK_START = '2026-09-28T09:10:00+08:00'
const TODAY = '2026-09-28'
const HOLDERS = 20
const BOOKED = 10
const PROBLEMS = 5

/**
 * A service day without a network (issue 14): holders' phones show offline codes, the staff desk works from its kit
 * with the network off (and survives a reload), and one sync leaves the backend with exactly what happened.
 */
describeWithChromium('an offline service day end to end in Chromium (H5 build)', () => {
  const suite = chromiumSuite({ clockStart: CLOCK_START, pageClock: true })

  async function phoneContext(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await suite.browser.newContext(PHONE)
    const page = await context.newPage()
    await page.clock.setFixedTime(new Date(CLOCK_START))
    return { context, page }
  }

  /** The holder opens the card online once (the phone binds its key), then shows it with the network off. */
  async function offlineCodeOf(phone: { context: BrowserContext; page: Page }, token: string, userId: string, shotName?: string): Promise<string> {
    const { context, page } = phone
    await page.goto(`${suite.host.url}/#/pages/index/index`)
    await page.evaluate((t) => localStorage.setItem('session.token', JSON.stringify({ data: t })), token)
    await page.goto(`${suite.host.url}/#/pages/card/index`)
    await page.reload()
    await page.locator('#card-desktop-toggle').click() // 电脑端核验: the code as text, folded away
    await page.locator('#card-qr-text').filter({ hasText: /^LDZ1\./ }).waitFor()
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('credential":"'), `card-device:${userId}`)
    await context.setOffline(true)
    await page.locator('#card-qr-refresh').click()
    await page.locator('#card-qr-text').filter({ hasText: /^LDZO1\./ }).waitFor()
    await page.locator('#card-offline-note').waitFor()
    const code = (await page.locator('#card-qr-text').innerText()).trim()
    // What a station's camera would read: exactly that code, once the image has been drawn for it (the text changes
    // first; a screenshot in between reads nothing, as a camera frame would).
    let decoded: string | null = null
    for (let tries = 0; tries < 25 && decoded !== code; tries++) {
      if (tries > 0) await page.waitForTimeout(200)
      decoded = await decodedQr(page)
    }
    expect(decoded).toBe(code)
    if (shotName) await page.screenshot({ path: path.join(SHOTS, shotName), fullPage: true })
    await context.setOffline(false)
    return code
  }

  /** What an independent decoder (jsQR) reads from a screenshot of the card's QR code as the phone draws it (220 CSS px). */
  async function decodedQr(page: Page): Promise<string | null> {
    const box = await page.locator('#card-qr-image').boundingBox()
    expect(box?.width).toBe(220)
    const png = PngImage.sync.read(await page.locator('#card-qr-image').screenshot())
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
  }

  it('20 check-ins and 5 problems (one with a photo) made offline, a reload in the middle, one sync: the backend holds exactly them', async () => {
    const { api } = suite
    const admin = await api.login('admin-demo')
    const staffToken = await api.login('staff-demo')
    const { items: stations } = await api.data('stations', 'list', {}, admin)
    const staff = (await api.data('stations', 'directory', {}, admin)).staff.find((s: { name: string }) => s.name.includes('王芳'))
    const session = await api.data(
      'stations',
      'createSession',
      { stationId: stations[0].id, kind: 'expert', date: TODAY, start: '09:00', end: '12:00', slotMinutes: 60, capacity: 30, staffIds: [staff.id] },
      admin,
    )

    // Twenty enterprises; the first ten booked this session (its later two slots: the first has begun).
    const holders: Array<{ name: string; token: string; userId: string; holderId: string; code?: string }> = []
    for (let i = 0; i < HOLDERS; i++) {
      const key = `offline-day-${i}`
      const token = await newHolder(api, admin, key)
      const { user } = await api.data('auth', 'me', {}, token)
      const { items } = await api.data('cards', 'mine', {}, token)
      holders.push({ name: `测试企业${key}`, token, userId: user.id, holderId: items[0].holder.id })
      if (i < BOOKED) await api.data('bookings', 'create', { slotId: session.slots[1 + (i % 2)].id, topic: '离线服务日咨询', idempotencyKey: `offline-day-booking-${i}` }, token)
    }

    // Each holder's phone: online once, then the card page offline makes the code staff will scan.
    const phone = await phoneContext()
    for (const [i, holder] of holders.entries()) holder.code = await offlineCodeOf(phone, holder.token, holder.userId, i === 0 ? 'offline-card.png' : undefined)
    await phone.context.close()

    // The desk online: the session's kit comes down with its roster.
    const desk = await suite.signIn('staff-demo')
    await desk.goto(`${suite.host.url}/#/packages/staff/pages/desk/index`)
    await desk.locator(`#desk-session-${session.id}`).click()
    await desk.locator('#desk-kit').filter({ hasText: '离线包已下载' }).waitFor()
    // The service worker holds the app's files once it is active: only then can the page reload without a network.
    expect(await desk.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true)

    await desk.context().setOffline(true)
    const checkIn = async (holder: (typeof holders)[number], index: number) => {
      await desk.locator('#desk-checkin-input textarea').fill(holder.code!)
      await desk.locator('#desk-checkin-submit').click()
      await desk.locator('#desk-checkin-result').filter({ hasText: holder.name }).waitFor()
      expect(await desk.locator('#desk-checkin-result').innerText()).toContain(index < BOOKED ? '预约签到（离线核验，待同步）' : '现场登记（离线核验，待同步）')
    }
    for (let i = 0; i < 10; i++) await checkIn(holders[i], i)
    await desk.locator('#desk-queued').filter({ hasText: '待同步 10 条' }).waitFor()

    // Closing and reopening the page with no network: the app, the kit and the queue are still there.
    await desk.reload()
    await desk.locator('#desk-network').filter({ hasText: '离线' }).waitFor()
    await desk.locator('#desk-queued').filter({ hasText: '待同步 10 条' }).waitFor()
    await desk.locator(`#desk-session-${session.id}`).click()

    let queued = 10
    for (let i = 10; i < HOLDERS; i++) {
      await checkIn(holders[i], i)
      queued += 1
      if (i >= HOLDERS - PROBLEMS) {
        await desk.locator('#desk-problem-open').click()
        await desk.locator('#desk-problem-category-policy').click()
        await desk.locator('#desk-problem-title input').fill(`离线登记的诉求${i}`)
        await desk.locator('#desk-problem-description textarea').fill('服务日现场登记，网络恢复后同步')
        if (i === HOLDERS - PROBLEMS) {
          await desk.locator('#desk-problem-photo-file').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG })
          await desk.locator('#desk-problem-photo-0').waitFor()
        }
        if (i % 2 === 0) {
          await desk.locator('#desk-problem-handling-answer').click()
          await desk.locator('#desk-problem-reply textarea').fill('已现场答复政策适用条件')
        }
        await desk.locator('#desk-problem-submit').click()
        queued += i % 2 === 0 ? 2 : 1
        await desk.locator('#desk-queued').filter({ hasText: `待同步 ${queued} 条` }).waitFor()
      }
    }
    await desk.screenshot({ path: path.join(SHOTS, 'offline-desk-queued.png'), fullPage: true })

    // The network returns: the desk syncs by itself.
    await desk.context().setOffline(false)
    await desk.locator('#desk-queued').filter({ hasText: '待同步 0 条' }).waitFor({ timeout: 60_000 })
    await desk.locator('#desk-network').filter({ hasText: '在线' }).waitFor()
    expect(await desk.locator('#desk-queue-issues').count()).toBe(0)
    await desk.screenshot({ path: path.join(SHOTS, 'offline-desk-synced.png'), fullPage: true })

    const roster = await api.data('bookings', 'roster', { sessionId: session.id }, staffToken)
    const ours = new Set(holders.map((h) => h.holderId))
    const visits = roster.visits.filter((v: { holderId: string }) => ours.has(v.holderId))
    expect(visits).toHaveLength(HOLDERS)
    expect(visits.filter((v: { walkIn: boolean }) => !v.walkIn)).toHaveLength(BOOKED)
    const problems = (await Promise.all(holders.map(async (h) => (await api.data('problems', 'mine', {}, h.token)).items))).flat()
    expect(problems).toHaveLength(PROBLEMS)
    expect(problems.filter((p: { photos: string[] }) => p.photos.length === 1)).toHaveLength(1)
    expect(problems.filter((p: { status: string }) => p.status === 'answered')).toHaveLength(2)
  })
})
