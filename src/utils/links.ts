import Taro from '@tarojs/taro'

/** Tab pages open with switchTab, every other page with navigateTo (WeChat refuses navigateTo to a tab page). */
const TAB_PAGES = ['pages/index/index', 'pages/sessions/index', 'pages/card/index', 'pages/mine/index']

/** Opens a page given as WeChat writes it ('pages/problems/detail?id=…', no leading slash). */
export function openLink(link: string): void {
  const path = link.replace(/^\/+/, '')
  const [page] = path.split('?')
  if (TAB_PAGES.includes(page)) void Taro.switchTab({ url: `/${page}` })
  else void Taro.navigateTo({ url: `/${path}` })
}

/** A query parameter of the current page ('?id=…'), decoded; null when absent or unreadable. */
export function routeParam(name: string): string | null {
  try {
    const value = Taro.getCurrentInstance()?.router?.params?.[name]
    return typeof value === 'string' && value ? decodeURIComponent(value) : null
  } catch {
    return null
  }
}
