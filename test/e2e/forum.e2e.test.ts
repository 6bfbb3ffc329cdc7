import type { Browser, Page } from 'playwright-core'
import { apiClient } from '../support/api'
import { launchChromium, PHONE } from '../support/browser'
import { describeWithChromium, shot } from '../support/e2e'
import { startHost, type RunningHost } from '../support/host'

jest.setTimeout(180_000)

// Thursday 3 December 2026: the breakfast meeting is at 10:00 that day; the administrator goes through it at noon.
const MORNING = '2026-12-03T08:00:00+08:00'
const NOON = '2026-12-03T12:00:00+08:00'
const TITLE = '第四季度企业家早餐会'

// Two hosts on one database, one per moment (each clock runs on from its start): PostgreSQL, as in CI.
const describeOnBoth = process.env.PG_AVAILABLE === '1' ? describeWithChromium : describe.skip

describeOnBoth('政企座谈会 end to end in Chromium (H5 build)', () => {
  let browser: Browser
  const hosts: RunningHost[] = []
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    for (const host of hosts.reverse()) await host.stop()
  })

  /** A phone-sized page at `clock` (the page's and the host's), signed in as a demo user through the role switcher. */
  async function signIn(host: RunningHost, clock: string, userKey: string): Promise<Page> {
    const page = await (await browser.newContext(PHONE)).newPage()
    await page.clock.setFixedTime(new Date(clock))
    await page.goto(`${host.url}/#/pages/index/index`)
    await page.locator(`#login-${userKey}`).click()
    await page.locator('#current-user').waitFor()
    await page.locator('#entry-surveys').click()
    return page
  }

  it('an administrator schedules a meeting, a holder signs up and raises a topic, and after it the topic becomes a problem', async () => {
    const morning = await startHost('postgres', { CLOCK_START: MORNING })
    hosts.push(morning)
    const admin = await signIn(morning, MORNING, 'admin-demo')
    await admin.locator('#forums-admin-entry').click()
    await admin.locator('#forum-format-breakfast').click()
    await admin.locator('#forum-title input').fill(TITLE)
    await admin.locator('#forum-date').click()
    await admin.locator('.weui-picker__action:last-child').click()
    await admin.locator('#forum-start input').fill('10:00')
    await admin.locator('#forum-end input').fill('11:30')
    await admin.locator('#forum-create-submit').click()
    await admin.locator('#forum-created').waitFor()

    const holder = await signIn(morning, MORNING, 'holder-demo')
    await holder.locator('#forum-entry').click()
    await holder.locator('.rating-item', { hasText: TITLE }).locator('[id^="forum-open-"]').click()
    await holder.locator('#forum-sign-up').click()
    await holder.locator('#forum-signed-up').waitFor()
    await holder.locator('#forum-topic-title input').fill('厂房扩建用地指标')
    await holder.locator('#forum-topic-description textarea').fill('二期厂房扩建缺少用地指标，希望会上协调。')
    await holder.locator('#forum-topic-submit').click()
    await holder.locator('#forum-topic-submitted').waitFor()
    await shot(holder, 'forum-holder.png')

    const noon = await startHost('postgres', { CLOCK_START: NOON, DATABASE_URL: morning.env.DATABASE_URL })
    hosts.push(noon)
    const after = await signIn(noon, NOON, 'admin-demo')
    await after.locator('#forums-admin-entry').click()
    await after.locator('.rating-item', { hasText: TITLE }).locator('[id^="forum-admin-open-"]').click()
    const topic = after.locator('[id^="forum-admin-topic-"]', { hasText: '厂房扩建用地指标' })
    await topic.locator('[id^="forum-dept-"]', { hasText: '区自然资源局' }).click()
    await topic.locator('[id^="forum-category-"]', { hasText: '土地' }).click()
    await topic.locator('[id^="forum-to-problem-"]').click()
    await topic.locator('[id^="forum-admin-problem-"]').waitFor()
    expect(await topic.innerText()).toMatch(/已转为诉求[\s\S]*威海海川科技有限公司[\s\S]*诉求 P\d{4}-\d{6}/)
    await shot(after, 'forum-admin.png')

    const api = apiClient(noon.url)
    const { items } = await api.data('problems', 'mine', {}, await api.login('holder-demo'))
    expect(items.find((p: { source: string }) => p.source === 'forum')).toMatchObject({ title: '厂房扩建用地指标', category: 'land', status: 'assigned' })
  })
})
