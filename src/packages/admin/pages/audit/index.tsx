import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { AUDIT_ACTIONS } from '@/core/org/org.labels'
import { useStores } from '@/stores'
import { AuditStore } from '@/stores/audit.store'
import { momentText } from '@/utils/time'
import { useFreshList } from '@/utils/use-fresh-list'
import '../../org.scss'

/** 操作记录: who changed what in the district's set-up, newest first. */
function AuditPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new AuditStore(api))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, store)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='操作记录仅限管理员使用' /></Page>

  return (
    <Page>
      <View className='section' id='audit-list'>
        <ErrorNotice error={store.error} id='audit-error' onRetry={() => void store.load()} retrying={store.loading} />
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.error && store.items.length === 0 && <EmptyState description='还没有操作记录' />}
        {store.items.map((event) => (
          <View className='org-item' key={event.id} id={`audit-${event.id}`}>
            <View className='org-item-head'>
              <Text className='org-item-name'>{AUDIT_ACTIONS[event.action] ?? event.action}</Text>
              <Text className='hint'>{momentText(event.at)}</Text>
            </View>
            <View className='hint'>{event.actorName}</View>
            <View>{event.summary}</View>
          </View>
        ))}
        {store.hasMore && (
          <View style={{ marginTop: '8px' }}>
            <Button id='audit-more' size='small' block loading={store.loading} disabled={store.loading} onClick={() => void store.more()}>
              加载更多
            </Button>
          </View>
        )}
      </View>
    </Page>
  )
}

export default observer(AuditPage)
