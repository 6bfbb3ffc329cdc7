import fs from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { addDays, isoWeekday, shanghaiDate } from '../../src/core/calendar/shanghai-time'
import { isHoliday } from '../../src/core/calendar/working-days'
import { apiClient, type ApiClient } from './api'
import { launchChromium, PHONE } from './browser'
import { startHost, type RunningHost } from './host'

/** Runs only where Chromium exists; the global setup already failed CI or announced the skip loudly. */
export const describeWithChromium = process.env.CHROMIUM_PATH ? describe : describe.skip

/** Screenshots of the end-to-end tests, kept as the test output. */
export const SHOTS = path.resolve(__dirname, '../../test-results')

/** The next Tuesday that is not a holiday: the demo centre station's fixed service day, with staff-demo rostered. */
export function nextServiceTuesday(): string {
  let date = addDays(shanghaiDate(new Date()), 1)
  while (isoWeekday(date) !== 2 || isHoliday(date)) date = addDays(date, 1)
  return date
}

export interface ChromiumSuite {
  host: RunningHost
  browser: Browser
  api: ApiClient
  /** A phone-sized page signed in as a demo user through the role switcher. */
  signIn(userKey: string): Promise<Page>
}

/**
 * A host on a fresh PGlite folder and Chromium, started before the suite's tests and stopped after them.
 * `clockStart` starts the host's clock there; `pageClock` also fixes the pages' clock at that moment.
 */
export function chromiumSuite(options: { clockStart?: string; pageClock?: boolean } = {}): ChromiumSuite {
  const { clockStart, pageClock = false } = options
  const suite = {
    async signIn(userKey: string): Promise<Page> {
      const page = await (await suite.browser.newContext(PHONE)).newPage()
      if (pageClock && clockStart) await page.clock.setFixedTime(new Date(clockStart))
      await page.goto(`${suite.host.url}/#/pages/index/index`)
      await page.locator(`#login-${userKey}`).click()
      await page.locator('#current-user').waitFor()
      return page
    },
  } as ChromiumSuite

  beforeAll(async () => {
    if (!fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html'))) {
      throw new Error('dist/h5 is missing: run the tests with `npm test`, which builds it')
    }
    fs.mkdirSync(SHOTS, { recursive: true })
    ;[suite.host, suite.browser] = await Promise.all([startHost('pglite', clockStart ? { CLOCK_START: clockStart } : {}), launchChromium()])
    suite.api = apiClient(suite.host.url)
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.host?.stop()
  })
  return suite
}

export const text = (page: Page, id: string) => page.locator(`#${id}`).innerText()

/** A full-page screenshot after the page's slide-in transition (navigateTo animates for 300 ms). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(600)
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
}
