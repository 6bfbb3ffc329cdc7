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
