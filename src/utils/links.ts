import Taro from '@tarojs/taro'

/** Tab pages open with switchTab, every other page with navigateTo (WeChat refuses navigateTo to a tab page). */
const TAB_PAGES = ['pages/index/index', 'pages/sessions/index', 'pages/card/index', 'pages/mine/index']

/**
 * Pages that moved into a subpackage (the main package's budget) by their old paths, which pushed WeChat messages and
 * stored 消息中心 links keep: a stub page at the old path redirects (src/pages/problems/detail.tsx), and links opened
 * in the app go straight to the new one.
 */
const MOVED_PAGES: Record<string, string> = {
  'pages/problems/detail': 'packages/user/pages/problem/detail',
  'pages/bookings/index': 'packages/holder/pages/bookings/index',
}

export const PROBLEM_DETAIL_PAGE = `/${MOVED_PAGES['pages/problems/detail']}`
/** 我的预约. */
export const BOOKINGS_PAGE = `/${MOVED_PAGES['pages/bookings/index']}`

/** The problem page of one problem. */
export function problemLink(id: string): string {
  return `${PROBLEM_DETAIL_PAGE}?id=${encodeURIComponent(id)}`
}

/** Where a page given by a possibly old path lives now ('pages/problems/detail?id=…' → its subpackage page). */
export function currentPath(link: string): string {
  const path = link.replace(/^\/+/, '')
  const [page, query] = path.split('?')
  const moved = MOVED_PAGES[page]
  return moved ? `${moved}${query === undefined ? '' : `?${query}`}` : path
}

/** Opens a page given as WeChat writes it ('pages/problems/detail?id=…', no leading slash). */
export function openLink(link: string): void {
  const path = currentPath(link)
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

/** The stub at a moved page's old path: hands over to the page where it lives now, with the same query. */
export function redirectToMoved(oldPage: string, query: Record<string, string | undefined>): void {
  const params = Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== '$taroTimestamp')
    .map(([key, value]) => `${key}=${encodeURIComponent(decodeURIComponent(value!))}`)
    .join('&')
  void Taro.redirectTo({ url: `/${currentPath(params ? `${oldPage}?${params}` : oldPage)}` })
}
