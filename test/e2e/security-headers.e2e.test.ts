import type { Page } from 'playwright-core'
import { chromiumSuite, describeWithChromium, nextServiceTuesday } from '../support/e2e'

jest.setTimeout(180_000)

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self' 'sha256-",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
  "form-action 'self'",
]

/**
 * Every Content-Security-Policy violation the page reports, from the moment it opens: the `securitypolicyviolation`
 * events (collected by a script added before any of the page's own) and the console's "Refused to …" lines.
 */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = []
  page.on('console', (message) => {
    if (/Refused to|Content Security Policy/i.test(message.text())) console.push(message.text())
  })
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __cspViolations: string[] }).__cspViolations = [])
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`)
    })
  })
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))]
}

describeWithChromium('security headers: the H5 app works under its Content-Security-Policy', () => {
  const suite = chromiumSuite()

  async function newPage(): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    const page = await context.newPage()
    return { page, violations: await watchViolations(page) }
  }

  async function signIn(page: Page, userKey: string) {
    await page.goto(`${suite.host.url}/#/pages/index/index`)
    await page.locator(`#login-${userKey}`).click()
    await page.locator('#current-user').waitFor()
  }

  it('sends the headers on the pages, their files, the API, errors and health', async () => {
    const index = await fetch(`${suite.host.url}/`)
    const html = await index.text()
    const script = /src="(\/js\/[^"]+\.js)"/.exec(html)![1]
    const css = /href="(\/css\/[^"]+\.css)"/.exec(html)![1]
    const answers = await Promise.all([
      Promise.resolve(index),
      fetch(`${suite.host.url}${script}`),
      fetch(`${suite.host.url}${css}`),
      fetch(`${suite.host.url}/api/health`),
      fetch(`${suite.host.url}/api/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"me"}' }),
      fetch(`${suite.host.url}/api/nowhere`),
      fetch(`${suite.host.url}/no-such-file.js`),
    ])
    for (const answer of answers) {
      const csp = answer.headers.get('content-security-policy') ?? ''
      for (const directive of CSP_DIRECTIVES) expect(csp).toContain(directive)
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/)
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 401, 404, 404])
    expect(index.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    // Photo links are shown by the mini program's pages too, which are not this origin.
    const photo = await fetch(`${suite.host.url}/uploads/0b6c1b1e-0000-4000-8000-000000000000.jpg?exp=1&sig=x`)
    expect(photo.status).toBe(403)
    expect(photo.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(photo.headers.get('content-security-policy')).toContain("default-src 'self'")
  })

  it('home with the role switcher, the card with its QR, and the leader’s dashboard charts: no violation reported', async () => {
    const { page: holder, violations: holderViolations } = await newPage()
    await signIn(holder, 'holder-demo')
    await holder.locator('.taro-tabbar__tabbar').getByText('服务卡').click()
    await holder.locator('#card-holder-name').filter({ hasText: '威海海川科技有限公司' }).waitFor({ timeout: 15_000 })
    await holder.locator('#card-qr-image').waitFor()
    // The QR is drawn: an image with a real size, not a broken one.
    expect(await holder.locator('#card-qr-image').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(100)
    expect(await holderViolations()).toEqual([])

    // A problem of this month, assigned to a department, so the dashboard has something to chart.
    const [holderToken, staff, admin] = await Promise.all(['holder-demo', 'staff-demo', 'admin-demo'].map((user) => suite.api.login(user)))
    const { id } = await suite.api.data('problems', 'submit', { category: 'land', title: '二期厂房用地指标', description: '二期厂房需新增用地约20亩，指标如何申请？', idempotencyKey: 'csp-e2e-problem-1' }, holderToken)
    await suite.api.data('problems', 'defer', { id, version: 0, explanation: '用地指标须区自然资源局核定', suggestion: '准备项目备案和用地规模说明', nextStep: { kind: 'fixedDay', date: nextServiceTuesday() } }, staff)
    const { departments } = await suite.api.data('problems', 'directory', {}, admin)
    await suite.api.data('problems', 'assign', { id, version: 1, departmentId: departments[0].id }, admin)

    const { page: leader, violations: leaderViolations } = await newPage()
    await signIn(leader, 'leader-demo')
    await leader.locator('#entry-leader-dashboard').click()
    await leader.locator('#dash-month-received').waitFor()
    for (const id of ['chart-trend', 'chart-category', 'chart-ranking']) {
      await leader.locator(`#${id}-box.chart-drawn`).waitFor({ timeout: 20_000 })
    }
    expect(await leaderViolations()).toEqual([])
  })

  it('a script slipped into the page is refused, and reported: the policy is in force', async () => {
    const { page, violations } = await newPage()
    await page.goto(`${suite.host.url}/#/pages/index/index`)
    await page.locator('#login-holder-demo').waitFor()
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.head.appendChild(script)
      await new Promise((resolve) => setTimeout(resolve, 100))
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(ran).toBe(false)
    expect((await violations()).join('\n')).toMatch(/script-src/)
  })
})
