import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { workTabs } from '@/core/auth/home'
import type { Role } from '@/core/auth/roles'
import { useStores } from '@/stores'

/**
 * The second and third tabs (app.config.ts's tabBar) for holders and newcomers, and for everyone else: text and icon
 * (src/assets/tab/<icon>.png and <icon>-active.png, copied into both builds by config/index.ts).
 */
const TAB_ITEMS = {
  holder: [{ text: '预约服务', icon: 'sessions' }, { text: '服务卡', icon: 'card' }],
  work: [{ text: '工作台', icon: 'work' }, { text: '消息', icon: 'message' }],
} as const

/** The second or third tab page (1 or 2), whose title follows its tab's text. */
type RoleTab = 1 | 2

function showTabs(roles: readonly Role[], tab?: RoleTab): void {
  const items = TAB_ITEMS[workTabs(roles) ? 'work' : 'holder']
  items.forEach(({ text, icon }, i) => {
    const iconPath = `assets/tab/${icon}.png`
    const selectedIconPath = `assets/tab/${icon}-active.png`
    // Refused where no tab bar is shown (a page opened by a link): the next tab page sets it again.
    Taro.setTabBarItem({ index: i + 1, text, iconPath, selectedIconPath }).catch(() => undefined)
  })
  if (tab) Taro.setNavigationBarTitle({ title: items[tab - 1].text }).catch(() => undefined)
}

/** Names the tabs (and, on the second and third tab pages, the page) after what the signed-in person can do there. */
export function useRoleTabs(tab?: RoleTab): void {
  const { session } = useStores()
  const key = session.user?.roles.join(',') ?? ''
  useEffect(() => showTabs(session.user?.roles ?? [], tab), [key, session, tab])
  useDidShow(() => showTabs(session.user?.roles ?? [], tab))
}
