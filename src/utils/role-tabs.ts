import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { workTabs } from '@/core/auth/home'
import type { Role } from '@/core/auth/roles'
import { useStores } from '@/stores'

/** The texts of the second and third tabs (app.config.ts's tabBar) for holders and newcomers, and for everyone else. */
const TAB_TEXTS = { holder: ['预约服务', '服务卡'], work: ['工作台', '消息'] } as const

/** The second or third tab page (1 or 2), whose title follows its tab's text. */
type RoleTab = 1 | 2

function showTabs(roles: readonly Role[], tab?: RoleTab): void {
  const texts = TAB_TEXTS[workTabs(roles) ? 'work' : 'holder']
  texts.forEach((text, i) => {
    // Refused where no tab bar is shown (a page opened by a link): the next tab page sets it again.
    Taro.setTabBarItem({ index: i + 1, text }).catch(() => undefined)
  })
  if (tab) Taro.setNavigationBarTitle({ title: texts[tab - 1] }).catch(() => undefined)
}

/** Names the tabs (and, on the second and third tab pages, the page) after what the signed-in person can do there. */
export function useRoleTabs(tab?: RoleTab): void {
  const { session } = useStores()
  const key = session.user?.roles.join(',') ?? ''
  useEffect(() => showTabs(session.user?.roles ?? [], tab), [key, session, tab])
  useDidShow(() => showTabs(session.user?.roles ?? [], tab))
}
