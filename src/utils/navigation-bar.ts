/**
 * H5 only: Taro draws the navigation bar (app.config.ts `navigationStyle: 'default'`: the page's title; back, or 首页 on
 * a page opened by a link). Its buttons come as bare 24 px icons: made 44 px targets with a name a screen reader says,
 * reachable by keyboard, and the title given room. The mini program has WeChat's own bar and never calls this.
 */
const STYLE = `
#taro-navigation-bar { min-height: 44px; padding: 0 52px; box-sizing: border-box; align-items: center; border-bottom: 1px solid #e5e6eb; }
#taro-navigation-bar .taro-navigation-bar-title-wrap { height: 44px; align-items: center; }
#taro-navigation-bar .taro-navigation-bar-title { font-size: 17px; font-weight: 600; max-width: 60vw; height: auto; line-height: 44px; }
#taro-navigation-bar .taro-navigation-bar-back, #taro-navigation-bar .taro-navigation-bar-home {
  left: 0; width: 44px; height: 44px; align-items: center; justify-content: center; cursor: pointer;
}
#taro-navigation-bar svg { width: 20px; height: 20px; }
`

const BUTTONS: Array<[string, string]> = [
  ['taro-navigation-bar-back', '返回'],
  ['taro-navigation-bar-home', '首页'],
]

export function fitNavigationBar(doc: Document): void {
  const bar = doc.getElementById('taro-navigation-bar')
  if (!bar) return
  const style = doc.createElement('style')
  style.textContent = STYLE
  doc.head.appendChild(style)
  for (const [name, label] of BUTTONS) {
    const button = bar.getElementsByClassName(name)[0] as HTMLElement | undefined
    if (!button) continue
    button.setAttribute('role', 'button')
    button.setAttribute('aria-label', label)
    button.tabIndex = 0
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') button.click()
    })
  }
}
