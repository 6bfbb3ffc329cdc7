import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { apiClient, type ApiClient } from '../support/api'
import { launchChromium, PHONE } from '../support/browser'
import { describeWithChromium, shot, text } from '../support/e2e'
import { testCreditCode } from '../support/holders'
import { startHost, type RunningHost } from '../support/host'
import { WechatStub } from '../support/wechat-stub'


const ROOT = path.resolve(__dirname, '../..')

/**
 * Dev login off means the real clock (CLOCK_START is refused), so the session is today's, 10 to 40 minutes from now:
 * bookable (its slot has not begun) and inside the desk's check-in window (from 60 minutes before). A slot of 20
 * minutes from the next half hour; in the last 20 minutes of a Shanghai day there is none, so the test waits for
 * midnight.
 */
const SLOT_MINUTES = 20
function sessionWindow(now: Date): { waitMs: number; start: string; end: string } {
  const minutes = Math.floor((now.getTime() + 8 * 3600_000) / 60_000) % (24 * 60)
  const start = Math.ceil((minutes + 10) / 30) * 30
  if (start + SLOT_MINUTES > 24 * 60) {
    const waitMs = (24 * 60 - minutes + 1) * 60_000
    return { ...sessionWindow(new Date(now.getTime() + waitMs)), waitMs }
  }
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
  return { waitMs: 0, start: hhmm(start), end: hhmm(start + SLOT_MINUTES) }
}
const WINDOW = sessionWindow(new Date())
jest.setTimeout(240_000 + WINDOW.waitMs)

/**
 * A district's first service day as it would really go, with dev login off and nothing seeded, done only through the
 * product's pages (H5 build): the printed first-administrator code; every person signs in by the console's QR code,
 * approved by their own WeChat account on the phone (a stand-in WeChat server answers wx.login's code); the
 * administrator sets the district up, invites a staff member, schedules a session and issues a card; the enterprise
 * activates it, books a slot and shows its card; the staff member checks it in at the desk and records its problem.
 */
describeWithChromium('a service day with dev login off, through the pages (H5 build, PGlite)', () => {
  let dataDir: string
  let wechat: WechatStub
  let host: RunningHost
  let browser: Browser
  let api: ApiClient
  let firstAdminCode: string

  beforeAll(async () => {
    if (WINDOW.waitMs > 0) await new Promise((resolve) => setTimeout(resolve, WINDOW.waitMs))
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-live-'))
    // `npm run admin:invite` on the store before the host opens it (one process at a time on PGlite).
    const invite = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['cloud/host/admin-invite.ts', '--name', '孙磊'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', DEV_LOGIN: '' },
      encoding: 'utf8',
    })
    if (invite.status !== 0) throw new Error(`admin:invite failed: ${invite.stderr}`)
    firstAdminCode = invite.stdout.trim().split('\n').pop()!.trim()
    wechat = await new WechatStub().start()
    ;[host, browser] = await Promise.all([
      startHost('pglite', {
        DATA_DIR: dataDir,
        DEV_LOGIN: '0',
        ...wechat.hostEnv,
      }),
      launchChromium(),
    ])
    api = apiClient(host.url)
  })
  afterAll(async () => {
    await browser?.close()
    await host?.stop()
    await wechat?.stop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  /** wx.login on the person's phone: a fresh code of their WeChat account each time. */
  let codes = 0
  const phoneLogin = async (account: string) => (await api.data<{ token: string }>('auth', 'login', { code: `${account}_${String(++codes).padStart(4, '0')}` })).token

  /** The console in a phone-sized window: its QR code, approved with 我的 → 扫一扫 on the person's phone. */
  async function signIn(account: string): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage()
    await page.goto(`${host.url}/#/pages/index/index`)
    const challenge = (await page.locator('#desktop-qr').getAttribute('data-qr', { timeout: 30_000 }))!
    expect(await page.locator('[id^="login-"]').count()).toBe(0)
    await api.data('auth', 'approveDesktop', { challengeId: challenge }, await phoneLogin(account))
    await page.locator('#current-user').waitFor({ timeout: 15_000 })
    return page
  }

  /** 我的 → 接受邀请 with a code, then home shows the invitation's entries. */
  async function redeem(page: Page, code: string): Promise<void> {
    await page.goto(`${host.url}/#/pages/mine/index`)
    await page.locator('#invite-code-input input').fill(code)
    await page.locator('#invite-redeem').click()
    await page.locator('#invite-result').waitFor()
  }

  const open = (page: Page, route: string) => page.goto(`${host.url}/#/${route}`)

  it('from an empty store to a checked-in enterprise and its problem, each person on their own pages', async () => {
    // The first administrator redeems the printed code.
    expect(firstAdminCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    const admin = await signIn('sunlei')
    await redeem(admin, firstAdminCode)

    // 行政区设置 and 部门管理.
    await open(admin, 'packages/admin/pages/org/index')
    await admin.locator('#district-name input').fill('环翠区')
    await admin.locator('#district-code input').fill('371002')
    await admin.locator('#district-save').click()
    await admin.locator('#district-saved').waitFor()
    await open(admin, 'packages/admin/pages/departments/index')
    await admin.locator('#department-add').click()
    await admin.locator('#department-name input').fill('区行政审批服务局')
    await admin.locator('#department-save').click()
    await admin.locator('#department-list').getByText('区行政审批服务局').waitFor()

    // 人员与邀请: a staff member of that department; they redeem the code on their own account.
    await open(admin, 'packages/admin/pages/people/index')
    await admin.locator('#invite-name input').fill('王芳')
    await admin.locator('#invite-role-staff').click()
    await admin.locator('[id^="invite-dept-"]').first().click()
    await admin.locator('#invite-submit').click()
    const staffCode = (await text(admin, 'invite-code')).trim()
    const staff = await signIn('wangfang')
    await redeem(staff, staffCode)

    // 站点与场次: a station and today's ad-hoc session, 王芳 on duty.
    await open(admin, 'packages/admin/pages/stations/index')
    await admin.locator('#station-new').click()
    await admin.locator('#station-name input').fill('政务服务中心流动站')
    await admin.locator('#station-area input').fill('鲸园街道')
    await admin.locator('#station-address input').fill('新威路17号')
    await admin.locator('#station-latitude input').fill('37.51')
    await admin.locator('#station-longitude input').fill('122.12')
    await admin.locator('#station-phone input').fill('0631-5225000')
    await admin.locator('#station-submit').click()
    await admin.locator('#adhoc-form').waitFor()
    await admin.locator('#adhoc-date').click()
    await admin.locator('.weui-picker__action:last-child >> visible=true').click()
    await admin.locator('#adhoc-start input').fill(WINDOW.start)
    await admin.locator('#adhoc-end input').fill(WINDOW.end)
    await admin.locator('#adhoc-slot-minutes input').fill(String(SLOT_MINUTES))
    await admin.locator('#adhoc-capacity input').fill('5')
    await admin.locator('#adhoc-form').getByText('王芳').click()
    await admin.locator('#adhoc-submit').click()
    await admin.locator('#adhoc-result').waitFor()

    // 发卡: an enterprise card and its one-time activation code.
    await open(admin, 'packages/admin/pages/issue/index')
    await admin.locator('#issue-type-enterprise').click()
    await admin.locator('#issue-name input').fill('威海蓝海精密制造有限公司')
    await admin.locator('#issue-credit-code input').fill(testCreditCode())
    await admin.locator('#issue-contact-name input').fill('刘强')
    await admin.locator('#issue-contact-phone input').fill('13906310007')
    await admin.locator('[id^="issue-basis-"]').first().click()
    await admin.locator('#issue-detail textarea').fill('高新技术企业证书')
    await admin.locator('#issue-submit').click()
    const activationCode = (await text(admin, 'issue-activation-code')).trim()

    // The enterprise activates the card, books the slot and opens its card.
    const holder = await signIn('liuqiang')
    await open(holder, 'pages/mine/index')
    await holder.locator('#activate-input input').fill(activationCode)
    await holder.locator('#activate-submit').click()
    await holder.locator('#activate-result').waitFor()
    await open(holder, 'pages/sessions/index')
    const slot = holder.locator('[id^="slot-"]:not([id^="slot-left-"])').first()
    await slot.click()
    await holder.locator('#book-topic input').fill('新建厂房施工许可办理')
    await holder.locator('#book-submit').click()
    await holder.locator('#book-success').waitFor()
    await open(holder, 'pages/card/index')
    await holder.locator('#card-desktop-toggle').click() // 电脑端核验: the code as text, folded away
    const qr = (await holder.locator('#card-qr-text').innerText()).trim()

    // 王芳 at 今日服务台: the booked enterprise checks in by its card, then its problem is answered on the spot.
    await open(staff, 'packages/staff/pages/desk/index')
    await staff.locator('#desk-checkin-input textarea').fill(qr)
    await staff.locator('#desk-checkin-submit').click()
    await staff.locator('#desk-checkin-result').filter({ hasText: '预约签到' }).waitFor()
    expect(await text(staff, 'desk-checkin-result')).toContain('威海蓝海精密制造有限公司')
    await shot(staff, 'live-day-desk.png')

    // 登记诉求 for the enterprise just checked in, answered on the spot.
    await staff.locator('#desk-problem-open').click()
    await staff.locator('#desk-problem-category-policy').click()
    await staff.locator('#desk-problem-title input').fill('施工许可所需材料')
    await staff.locator('#desk-problem-description textarea').fill('新建厂房办理施工许可，需要准备哪些材料')
    await staff.locator('#desk-problem-handling-answer').click()
    await staff.locator('#desk-problem-reply textarea').fill('已现场提供材料清单，可在政务服务网在线申报')
    await staff.locator('#desk-problem-submit').click()

    // The enterprise sees the visit and the answered problem on its own pages.
    await open(holder, 'packages/holder/pages/problems/index')
    await holder.locator('.problem-card', { hasText: '施工许可所需材料' }).click()
    await holder.locator('#problem-detail-reply').filter({ hasText: '已现场提供材料清单，可在政务服务网在线申报' }).waitFor()
    const [booking] = (await api.data<{ items: Array<{ id: string }> }>('bookings', 'mine', {}, await phoneLogin('liuqiang'))).items
    await open(holder, 'packages/holder/pages/bookings/index')
    await holder.locator(`#booking-status-${booking.id}`).filter({ hasText: '已签到' }).waitFor()
  })
})
