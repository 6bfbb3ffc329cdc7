import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { ProblemList } from '@/components/ProblemList'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { useStores } from '@/stores'
import { ProblemListStore } from '@/stores/problem-list.store'
import { useFreshList } from '@/utils/use-fresh-list'

/** 待交办: deferred problems waiting for a responsible department; tap → detail, where 交办 assigns it. */
function DispatchPage() {
  const { session, api } = useStores()
  const [list] = useState(() => new ProblemListStore(api, { status: 'deferred' }))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, list)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='诉求交办仅限管理员使用' /></Page>

  return (
    <Page>
      <View className='section-title'>待交办</View>
      <View className='hint' style={{ marginBottom: '8px' }}>
        分门别类落实到单位：选择责任部门，重大问题再定责任领导和办理方案。
      </View>
      <ProblemList list={list} empty='没有待交办的诉求' />
    </Page>
  )
}

export default observer(DispatchPage)
