import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { audit, type Finding, MODES, report, settle, signedIn } from '../support/a11y'
import { PHONE } from '../support/browser'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'
import { PNG } from '../support/images'

jest.setTimeout(300_000)

interface Opened {
  name: string
  user: string
  route: string
  /** Taps what opens it and waits until it is shown. */
  open(page: Page): Promise<void>
  /** Closes it without changing anything, when it stays over the page. */
  close?(page: Page): Promise<void>
}

const modal = '.taro-modal__content'
/** The first station's forms and sessions, shown once it is chosen. */
const chooseStation = async (page: Page) => {
  await page.locator('.station-item').first().click()
  await page.locator('[id^="admin-session-"]').first().waitFor()
}
const answerLater = async (page: Page) => {
  await page.locator(`${modal} .taro-model__cancel`).click()
  await page.locator(modal).waitFor({ state: 'hidden' })
}

/**
 * What a tap opens over or inside a page (issue 15: sheets, confirmations, pickers and forms): `booking` is one of
 * holder-demo's, `problem` a question of theirs that staff can answer or defer.
 */
function openers(booking: string, problem: string): Opened[] {
  return [
    {
      name: 'reschedule-sheet',
      user: 'holder-demo',
      route: 'packages/holder/pages/bookings/index',
      open: async (page) => {
        await page.locator(`#booking-reschedule-${booking}`).click()
        await page.locator(`#reschedule-${booking}`).waitFor()
        await settle(page)
      },
      close: (page) => page.locator('#reschedule-close').click(),
    },
    {
      name: 'cancel-booking-confirm',
      user: 'holder-demo',
      route: 'packages/holder/pages/bookings/index',
      open: async (page) => {
        await page.locator(`#booking-cancel-${booking}`).click()
        await page.locator(modal).waitFor()
      },
      close: answerLater,
    },
    {
      name: 'problem-form-errors-and-photos',
      user: 'holder-demo',
      route: 'packages/holder/pages/problems/submit',
      open: async (page) => {
        await page.locator('#problem-submit').click()
        await page.locator('#problem-title-error').waitFor()
        await page.locator('#problem-photo-file').setInputFiles([
          { name: 'a.png', mimeType: 'image/png', buffer: PNG },
          { name: 'b.png', mimeType: 'image/png', buffer: PNG },
        ])
        await page.locator('#problem-photo-remove-1').waitFor()
        await settle(page)
      },
    },
    {
      name: 'rating-form',
      user: 'holder-demo',
      route: 'packages/holder/pages/ratings/index',
      open: async (page) => {
        await page.locator('[id^="pending-rate-"]').first().click()
        await page.locator('[id^="rate-"][role="button"]').first().waitFor()
      },
    },
    {
      name: 'cancel-session-confirm',
      user: 'admin-demo',
      route: 'packages/admin/pages/stations/index',
      open: async (page) => {
        await chooseStation(page)
        const reason = page.locator('[id^="session-cancel-reason-"]').first()
        await reason.locator('input').fill('场地临时维修')
        const id = (await reason.getAttribute('id'))!.replace('session-cancel-reason-', '')
        await page.locator(`#session-cancel-${id}`).click()
        await page.locator(modal).waitFor()
      },
      close: answerLater,
    },
    {
      name: 'date-picker',
      user: 'admin-demo',
      route: 'packages/admin/pages/stations/index',
      open: async (page) => {
        await chooseStation(page)
        await page.locator('#fixed-valid-from').click()
        await page.locator('.weui-picker').first().waitFor()
        await settle(page)
      },
      close: (page) => page.locator('.weui-picker__action >> visible=true').first().click(),
    },
    {
      name: 'problem-action-form',
      user: 'staff-demo',
      route: `packages/user/pages/problem/detail?id=${problem}`,
      open: async (page) => {
        await page.locator('#action-defer').click()
        await page.locator('#form-cancel').waitFor()
      },
    },
  ]
}

/**
 * axe-core (0 serious or critical, contrast included), tap targets and text sizes on what opens by a tap, in standard
 * and elderly mode: the 改约 sheet, the confirmations of 取消预约 and 取消场次, a date picker, the problem form with its
 * errors and photos, the rating form and a problem's 暂缓办理 form. Screenshots in test-results/screenshots/<mode>/opened.
 */
describeWithChromium('accessibility of sheets, dialogs, pickers and forms opened by a tap (axe-core)', () => {
  const suite = chromiumSuite()
  let booking = ''
  let problem = ''

  beforeAll(async () => {
    const holder = await suite.api.login('holder-demo')
    const sessions = await suite.api.data('stations', 'sessions', {}, holder)
    const slot = sessions.items.flatMap((s: { slots: Array<{ id: string; booked: number; capacity: number }> }) => s.slots).find((s: { booked: number; capacity: number }) => s.booked < s.capacity)
    booking = (await suite.api.data('bookings', 'create', { slotId: slot.id, topic: '改约与取消的检查', idempotencyKey: 'a11y-opened-booking' }, holder)).id
    const policies = await suite.api.data('policies', 'list', {}, holder)
    const question = { id: policies.items[0].id, title: '申报条件咨询', description: '请问我们企业是否符合申报条件？', idempotencyKey: 'a11y-opened-problem' }
    problem = (await suite.api.data('policies', 'ask', question, holder)).problemId
  })

  for (const mode of MODES) {
    it(`${mode.name}: 0 serious or critical violations on what a tap opens`, async () => {
      const findings: Finding[] = []
      const folder = path.join(SHOTS, 'screenshots', mode.name, 'opened')
      fs.mkdirSync(folder, { recursive: true })
      const byUser = new Map<string, Opened[]>()
      for (const opened of openers(booking, problem)) byUser.set(opened.user, [...(byUser.get(opened.user) ?? []), opened])
      for (const [user, list] of byUser) {
        const context = await suite.browser.newContext({ ...PHONE, deviceScaleFactor: 1, bypassCSP: true })
        const page = await signedIn(context, suite.host.url, user)
        if (mode.switchOn) await mode.switchOn(page, suite.host.url)
        for (const opened of list) {
          await page.goto(`${suite.host.url}/#/${opened.route}`)
          await settle(page)
          // One that does not open is reported with the others rather than hiding them.
          const failed = await opened.open(page).then(
            () => null,
            (error: Error) => error.message.split('\n')[0],
          )
          if (failed) findings.push({ page: `${user} ${opened.name}`, rule: 'not-opened', impact: 'critical', help: failed, targets: [] })
          else findings.push(...(await audit(page, `${user} ${opened.name}`)))
          await page.screenshot({ path: path.join(folder, `${opened.name}.png`) })
          if (!failed) await opened.close?.(page)
        }
        await context.close()
      }
      expect(report(findings)).toBe('')
    })
  }
})
