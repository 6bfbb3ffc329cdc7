import fs from 'node:fs'
import type { BrowserContext, Page } from 'playwright-core'
import { textFindings } from './page-text'

/** axe-core's browser build, added to a page by the test (the page's CSP refuses it: contexts bypass CSP). */
export const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** Standard, then elderly mode (适老化), switched on in 我的 and kept on the phone for every page after. */
export const MODES: ReadonlyArray<{ name: string; switchOn?: (page: Page, url: string) => Promise<void> }> = [
  { name: 'standard' },
  {
    name: 'elderly',
    async switchOn(page, url) {
      await page.goto(`${url}/#/pages/mine/index`)
      await page.locator('#elderly-mode input').check()
    },
  },
]

/**
 * What a finger taps: every button, link and tab (Taro's tab bar is links; chips, tiles, slots and the × of a photo
 * are role=button through src/components/tappable.ts, NutUI's buttons through src/components/Button.tsx), and the
 * classes they had before, in case one lost its role (issue 15: 28px buttons, 23px tabs, a 22px ×).
 */
export const TARGETS = [
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  'a[href]',
  'button',
  '.nut-button',
  '.weui-tabbar__item',
  '.home-tile',
  '.chip',
  '.slot',
  '.error-notice-toggle',
  '.photo-remove',
  '.nut-popup-title-right',
].join(', ')
/** WCAG 2.5.5's 44 CSS px, less half a pixel: H5 sizes are rem of a root font that follows the window's width. */
const MIN_TARGET = 43.5
const MIN_TEXT = 12

/**
 * Still and at its final colours: axe measures contrast, the screenshot shows the page as it settles. Motions end at
 * once rather than not at all: a picker's sheet is placed by the end of its slide-up animation.
 */
const NO_MOTION =
  '*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important; animation-duration: 0s !important; animation-delay: 0s !important; caret-color: transparent !important; }'

export interface Finding {
  page: string
  rule: string
  impact: string
  help: string
  targets: string[]
}

/**
 * Serious and critical findings of axe on what the page shows now (WCAG 2.1 A and AA, and axe's best practices), and
 * what axe leaves to people: tap targets under 44×44 px, text under 12 px, and English or cut-off text
 * (page-text.ts). `where` names the page in the report.
 */
export async function audit(page: Page, where: string): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE })
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe
    // Pages the router keeps under the current one are hidden; only the shown page and the tab bar are checked.
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }))
  })
  const sizes = await page.evaluate(
    ({ targets, minTarget, minText }) => {
      const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${Array.from(el.classList).join('.')} 「${(el.textContent ?? '').trim().slice(0, 16)}」`
      const small = Array.from(document.querySelectorAll(targets)).filter(shown).flatMap((el) => {
        const { width, height } = el.getBoundingClientRect()
        return width < minTarget || height < minTarget ? [`${name(el)} ${Math.round(width)}×${Math.round(height)}`] : []
      })
      const tiny = new Set<string>()
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement
        if (!el || !node.textContent?.trim() || !shown(el)) continue
        const size = parseFloat(getComputedStyle(el).fontSize)
        if (size < minText) tiny.add(`${name(el)} ${size}px`)
      }
      return { small, tiny: [...tiny] }
    },
    { targets: TARGETS, minTarget: MIN_TARGET, minText: MIN_TEXT },
  )
  return [
    ...violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ page: where, rule: v.id, impact: v.impact, help: v.help, targets: v.targets })),
    ...(sizes.small.length ? [{ page: where, rule: 'target-44', impact: 'serious', help: `tap targets under 44×44 px`, targets: sizes.small.slice(0, 5) }] : []),
    ...(sizes.tiny.length ? [{ page: where, rule: 'text-12', impact: 'serious', help: `text under ${MIN_TEXT} px`, targets: sizes.tiny.slice(0, 5) }] : []),
    ...(await textFindings(page)).map((f) => ({ page: where, rule: f.rule, impact: 'serious', help: TEXT_RULES[f.rule], targets: f.targets.slice(0, 5) })),
  ]
}

const TEXT_RULES = {
  english: 'Latin words or codes people would read',
  'raw-date': 'a date as YYYY-MM-DD',
  clipped: 'text cut off by its box, or a page wider than the phone',
} as const

/** The findings as the text a failed expectation prints ('' when there are none). */
export function report(findings: Finding[]): string {
  return [...findings]
    .sort((a, b) => a.page.localeCompare(b.page))
    .map((f) => `${f.page}: ${f.rule} (${f.impact}) ${f.help}\n    ${f.targets.join('\n    ')}`)
    .join('\n')
}

/** Waits until no shown page says 正在加载 (or 10 s), then lets late paints land. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !/正在加载|加载中/.test(document.body.innerText), null, { timeout: 10_000 }).catch(() => undefined)
  await page.waitForTimeout(150)
}

/** A page of `context` signed in as `user`: by the demo role switcher, or with a session `token` already issued. */
export async function signedIn(context: BrowserContext, url: string, user: string, token: string | null = null): Promise<Page> {
  if (token) await context.addInitScript((value) => localStorage.setItem('session.token', JSON.stringify({ data: value })), token)
  await context.addInitScript((css) => document.addEventListener('DOMContentLoaded', () => document.head.append(Object.assign(document.createElement('style'), { textContent: css }))), NO_MOTION)
  const page = await context.newPage()
  await page.goto(`${url}/#/pages/index/index`)
  if (!token) await page.locator(`#login-${user}`).click()
  await page.locator('#current-user').waitFor()
  return page
}
