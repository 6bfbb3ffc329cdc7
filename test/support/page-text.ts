import type { Page } from 'playwright-core'

/**
 * Words people may meet in the product's Chinese UI: file types, the Excel download, QR, WeChat's own names, and the
 * units and marks of figures. Anything else in Latin letters on a shown page is developer text (issue 15: "no raw
 * code, no English").
 */
const ALLOWED_WORDS = ['Excel', 'PDF', 'JPG', 'PNG', 'WebP', 'QR', 'KB', 'MB', 'km', 'WiFi', 'App']

/** Codes people copy or type, Latin by design: the activation code's field and anything set in `.mono` (codes, tokens). */
const CODES = '.mono, #activate-input'

export interface TextFinding {
  rule: 'english' | 'raw-date' | 'clipped'
  targets: string[]
}

/**
 * What people read on the shown page that they should not: Latin words outside `ALLOWED_WORDS` (error codes like
 * SLOT_FULL included) in text or in the placeholders and labels of fields, dates written 2026-12-08, and text cut off (lines reaching past a box
 * that hides its overflow without an ellipsis, or a page wider than the phone) — elderly mode's 1.3× must not push
 * words out of sight at 390 px.
 */
export async function textFindings(page: Page): Promise<TextFinding[]> {
  const { english, rawDates, clipped } = await page.evaluate(({ allowed, codes }) => {
    const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${Array.from(el.classList).slice(0, 3).join('.')}`
    const allowedWords = new Set(allowed.map((w) => w.toLowerCase()))
    // Letters of two or more; single letters (A座, 第B区) and units stuck to digits (5km) read as Chinese UI.
    const foreign = (text: string) => (text.match(/(?<![0-9])[A-Za-z][A-Za-z_]+/g) ?? []).filter((word) => !allowedWords.has(word.toLowerCase()))
    const english = new Set<string>()
    const rawDates = new Set<string>()
    const clipped = new Set<string>()
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      const text = node.textContent?.trim()
      // <script>, <style> and what the page hides (pages under the current one, closed folds) are not read.
      if (!el || !text || el.closest('script, style, noscript') || !shown(el)) continue
      const words = el.closest(codes) ? [] : foreign(text)
      if (words.length) english.add(`${name(el)} 「${text.slice(0, 30)}」 ${words.slice(0, 3).join(' ')}`)
      // Dates are read the Chinese way (12月8日 周二), never as 2026-12-08 (issue 15, defect 11).
      if (!el.closest(codes) && /\b\d{4}-\d{2}-\d{2}\b/.test(text)) rawDates.add(`${name(el)} 「${text.slice(0, 30)}」`)
      // Cut off: the text's own lines reach past a box that hides its overflow (no ellipsis or line clamp meant it).
      // Up to the nearest scrolling box, since what lies beyond a scroll's edge is reached by scrolling.
      // A date picker's wheel shows the rows near the chosen one and hides the rest by design.
      if (el.closest('.weui-picker__bd')) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0)
      for (let box: HTMLElement | null = el; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box)
        const scrolls = (v: string) => v === 'auto' || v === 'scroll'
        if (scrolls(style.overflowX) || scrolls(style.overflowY)) break
        const hidesX = /hidden|clip/.test(style.overflowX) && style.textOverflow !== 'ellipsis'
        const hidesY = /hidden|clip/.test(style.overflowY) && style.webkitLineClamp === 'none'
        if (!hidesX && !hidesY) continue
        const edge = box.getBoundingClientRect()
        const out = lines.some(
          (r) => (hidesX && (r.left < edge.left - 1 || r.right > edge.right + 1)) || (hidesY && (r.top < edge.top - 1 || r.bottom > edge.bottom + 1)),
        )
        if (out) {
          clipped.add(`${name(box)} 「${text.slice(0, 20)}」 cut off by its ${Math.round(edge.width)}×${Math.round(edge.height)} box`)
          break
        }
      }
    }
    for (const field of Array.from(document.querySelectorAll('input, textarea, [aria-label]'))) {
      if (!shown(field) || field.closest(codes)) continue
      const said = [field.getAttribute('placeholder'), field.getAttribute('aria-label')].filter(Boolean).join(' ')
      const words = foreign(said)
      if (words.length) english.add(`${name(field)} 「${said.slice(0, 30)}」 ${words.slice(0, 3).join(' ')}`)
    }
    // A page wider than the phone: what sticks out on the right cannot be read (Taro's page boxes hide it).
    for (const shownPage of [document.documentElement, ...Array.from(document.querySelectorAll<HTMLElement>('.taro_page'))].filter(shown)) {
      if (shownPage.scrollWidth > shownPage.clientWidth + 1) clipped.add(`${name(shownPage)}: the page is ${shownPage.scrollWidth} px wide in ${shownPage.clientWidth}`)
    }
    return { english: [...english], rawDates: [...rawDates], clipped: [...clipped] }
  }, { allowed: ALLOWED_WORDS, codes: CODES })
  return [
    ...(english.length ? [{ rule: 'english' as const, targets: english }] : []),
    ...(rawDates.length ? [{ rule: 'raw-date' as const, targets: rawDates }] : []),
    ...(clipped.length ? [{ rule: 'clipped' as const, targets: clipped }] : []),
  ]
}
