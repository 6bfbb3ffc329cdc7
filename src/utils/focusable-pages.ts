/**
 * H5: each page of Taro's router is a div that scrolls, and Taro's buttons are not keyboard stops, so a long page of
 * buttons could not be scrolled from the keyboard (axe: scrollable-region-focusable). Every page becomes a Tab stop.
 */
export function makePagesFocusable(doc: Document): () => void {
  const mark = () => {
    doc.querySelectorAll('.taro_page:not([tabindex])').forEach((page) => page.setAttribute('tabindex', '0'))
  }
  mark()
  const observer = new MutationObserver(mark)
  observer.observe(doc.body, { childList: true, subtree: true })
  return () => observer.disconnect()
}
