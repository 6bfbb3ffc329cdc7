import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ProblemList } from '@/components/ProblemList'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import type { ProblemStatus } from '@/core/problem/problem.machine'
import { useStores } from '@/stores'
import { ProblemListStore } from '@/stores/problem-list.store'
import { useFreshList } from '@/utils/use-fresh-list'

const TABS: Array<{ key: string; status: ProblemStatus; label: string; empty: string }> = [
  { key: 'assigned', status: 'assigned', label: '待签收', empty: '没有待签收的诉求' },
  { key: 'in_progress', status: 'in_progress', label: '办理中', empty: '没有办理中的诉求' },
  { key: 'resolved', status: 'resolved', label: '已办结', empty: '没有已办结待确认的诉求' },
]

/** The department handler's inbox: 待签收 / 办理中 / 已办结 of their department, each page by page. */
function InboxPage() {
  const { session, api } = useStores()
  const [lists] = useState(() => Object.fromEntries(TABS.map((tab) => [tab.key, new ProblemListStore(api, { status: tab.status })])))
  const [active, setActive] = useState(TABS[0].key)
  const allowed = session.hasRole('handler')
  const list = lists[active]

  useFreshList(allowed, list)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='仅限部门经办人使用' /></Page>

  const tab = TABS.find((t) => t.key === active)!
  return (
    <Page>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`inbox-tab-${t.key}`} className={`chip ${active === t.key ? 'chip-active' : ''}`} {...tappable(() => setActive(t.key), { pressed: active === t.key })}>
            {t.label}
          </View>
        ))}
      </View>
      <View className='hint' style={{ marginBottom: '8px' }}>
        交办后1个工作日内签收；交办有误的，2个工作日内可退回并说明原因。
      </View>
      <ProblemList list={list} empty={tab.empty} />
    </Page>
  )
}

export default observer(InboxPage)
