import { launchChromium, PHONE } from '../support/browser'
import type { RunningHost } from '../support/host'
import { fmt, percentile } from './stats'

/** H5 first render: navigation start to the role switcher being visible, on a phone viewport, five cold contexts. */
export async function benchH5(host: RunningHost): Promise<void> {
  const browser = await launchChromium()
  const times: number[] = []
  try {
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      const started = performance.now()
      await page.goto(`${host.url}/#/pages/index/index`)
      await page.locator('#login-holder-demo').waitFor()
      times.push(performance.now() - started)
      await context.close()
    }
  } finally {
    await browser.close()
  }
  times.sort((a, b) => a - b)
  console.log(`H5 first render (to role switcher), 5 cold loads: median ${fmt(percentile(times, 50))}, max ${fmt(times[times.length - 1])}`)
}
