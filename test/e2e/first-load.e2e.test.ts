import type { Page } from 'playwright-core'
import { PHONE } from '../support/browser'
import { chromiumSuite, describeWithChromium } from '../support/e2e'

jest.setTimeout(120_000)

interface Fetched {
  path: string
  /** Bytes that crossed the network (0 when the browser's cache answered without asking). */
  transferSize: number
  encodedBodySize: number
  decodedBodySize: number
}

async function homeLoaded(page: Page, url: string): Promise<{ document: Fetched; files: Fetched[] }> {
  await page.goto(`${url}/#/pages/index/index`)
  await page.locator('#login-holder-demo').waitFor()
  return page.evaluate(() => {
    const fetched = (e: PerformanceResourceTiming) => ({
      path: new URL(e.name).pathname,
      transferSize: e.transferSize,
      encodedBodySize: e.encodedBodySize,
      decodedBodySize: e.decodedBodySize,
    })
    const files = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map(fetched).filter((f) => /^\/(js|css)\//.test(f.path))
    return { document: fetched(performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming), files }
  })
}

/**
 * The home page in a real browser (issue 13): its scripts and style sheets come brotli-compressed on the first visit,
 * and on the next visit straight from the browser's cache (content-hashed, immutable), while index.html is asked for
 * again (no-cache) so a new build shows at once.
 */
describeWithChromium('H5 first and next load', () => {
  const suite = chromiumSuite()

  it('compressed on the first visit; on the next, only index.html is revalidated', async () => {
    const context = await suite.browser.newContext(PHONE)
    const page = await context.newPage()
    const encodings = new Map<string, string | undefined>()
    page.on('response', (response) => encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']))

    const first = await homeLoaded(page, suite.host.url)
    // The app's scripts (the home page rides in them) and its style sheet.
    expect(first.files.length).toBeGreaterThanOrEqual(3)
    for (const file of first.files) {
      expect(encodings.get(file.path)).toBe('br')
      expect(file.encodedBodySize).toBeLessThan(file.decodedBodySize / 2)
    }

    await page.goto('about:blank')
    const next = await homeLoaded(page, suite.host.url)
    await context.close()
    expect(next.files.map((file) => file.path).sort()).toEqual(first.files.map((file) => file.path).sort())
    for (const file of next.files) expect(file).toMatchObject({ path: file.path, transferSize: 0 })
    expect(next.document.transferSize).toBeGreaterThan(0)
  })
})
