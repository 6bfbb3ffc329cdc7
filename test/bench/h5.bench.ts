import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { launchChromium, PHONE } from '../support/browser'
import { startHost, type RunningHost } from '../support/host'
import { BARE_DIR, serveBarePage } from './bare-page'
import { fmt } from './stats'
import { interleaved, verdict } from './verdict'

const PAIRS = 7

/** Lighthouse's mobile throttling: a 4× slower CPU and a fast-3G link (562.5 ms round trip, 1.6 Mbps down, 750 kbps up). */
const THROTTLING = { cpuRate: 4, latency: 562.5, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 }

interface FirstLoad {
  lcp: number
  /** Bodies as sent (compressed where the server compressed) and as the page read them, all requests. */
  sent: number
  raw: number
  /** Paths of the files and API calls the load fetched from its origin. */
  paths: string[]
}

/**
 * One first visit, as a new visitor on a phone would see it: a fresh context (no cache, no storage), throttled; the
 * largest contentful paint as Chromium reports it (read once `ready` is shown and the network is idle, so later,
 * larger paints count too).
 */
async function firstLoad(browser: Browser, url: string, ready: string): Promise<FirstLoad> {
  const context = await browser.newContext(PHONE)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const { cpuRate, ...network } = THROTTLING
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...network })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number }
      w.__lcp = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime
      }).observe({ type: 'largest-contentful-paint', buffered: true })
    })
    await page.goto(url)
    await page.locator(ready).waitFor({ timeout: 60_000 })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
    return await page.evaluate(() => {
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]
      return {
        lcp: (window as unknown as { __lcp: number }).__lcp,
        sent: entries.reduce((sum, e) => sum + e.encodedBodySize, 0),
        raw: entries.reduce((sum, e) => sum + e.decodedBodySize, 0),
        paths: entries.map((e) => new URL(e.name).pathname),
      }
    })
  } finally {
    await context.close()
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : NaN)

/** The static files of a load as built: raw, and their .gz and .br siblings (what gzip alone or brotli would send). */
function compressionTable(dir: string, paths: string[]): string {
  const files = [...new Set(paths.map((p) => (p === '/' ? '/index.html' : p)))].filter((p) => fs.existsSync(path.join(dir, p)))
  const total = (suffix: string) => files.reduce((sum, p) => sum + size(path.join(dir, p + suffix)), 0)
  return `${files.length} files: raw ${kb(total(''))}, gzip ${kb(total('.gz'))}, brotli ${kb(total('.br'))}`
}

/**
 * H5 first load against a bare Taro page, median ratio of interleaved pairs (issue 13). Two views of the home page:
 * the demo (DEV_LOGIN=1, the role switcher after `auth.demoUsers`), and what a first visitor of a production host sees
 * (dev login off: the desktop sign-in QR after `auth.desktopChallenge`). Both pages need an API answer before their
 * largest paint; the bare page needs none.
 */
export async function benchH5(demoHost: RunningHost): Promise<void> {
  const bare = await serveBarePage()
  const production = await startHost('pglite', { DEV_LOGIN: '0' })
  const browser = await launchChromium()
  try {
    const home = '/#/pages/index/index'
    const views = [
      { name: 'demo, role switcher', url: demoHost.url + home, ready: '#login-holder-demo', dir: demoHost.env.STATIC_DIR },
      { name: 'first visit, sign-in QR', url: production.url + home, ready: '#desktop-qr', dir: production.env.STATIC_DIR },
    ]
    // One load of each, unmeasured: the hosts' first answers and Chromium's own start are not the pages' cost.
    await firstLoad(browser, bare.url, '#bare-hello')
    for (const view of views) await firstLoad(browser, view.url, view.ready)

    for (const view of views) {
      const bareLoads: FirstLoad[] = []
      const loads: FirstLoad[] = []
      const measure = async (loaded: FirstLoad[], url: string, ready: string) => {
        loaded.push(await firstLoad(browser, url, ready))
        return loaded[loaded.length - 1].lcp
      }
      const result = await interleaved(
        PAIRS,
        () => measure(bareLoads, bare.url, '#bare-hello'),
        () => measure(loads, view.url, view.ready),
      )
      const [load, bareLoad] = [loads[loads.length - 1], bareLoads[bareLoads.length - 1]]
      console.log(`H5 home (${view.name}): LCP median ${fmt(result.target)} against bare Taro ${fmt(result.reference)}; pair ratios ${result.ratios.map((r) => r.toFixed(2)).join(' ')}`)
      console.log(`  sent ${kb(load.sent)} for ${kb(load.raw)} of content (bare page: ${kb(bareLoad.sent)} for ${kb(bareLoad.raw)})`)
      console.log(`  as built, ${compressionTable(view.dir, load.paths)}; bare page ${compressionTable(BARE_DIR, bareLoad.paths)}`)
      verdict(`H5 home LCP (${view.name}) / bare Taro page`, result.ratio, '<=', 1.0)
    }
  } finally {
    await browser.close()
    await Promise.all([production.stop(), bare.stop()])
  }
}
