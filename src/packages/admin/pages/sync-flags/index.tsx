import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { SYNC_KIND_LABELS, syncFlagSummary } from '@/core/sync/sync.labels'
import type { SyncFlagView } from '@/core/sync/sync.schema'
import { useStores } from '@/stores'
import { SyncFlagsStore } from '@/stores/sync-flags.store'
import { useFreshList } from '@/utils/use-fresh-list'
import { dateTimeText } from '../../org-text'
import '../../org.scss'

function holderText(holder: SyncFlagView['holder']): string {
  if (!holder) return '未能确认（二维码或资料无效）'
  return holder.cardNumber ? `${holder.name}（卡号 ${holder.cardNumber}）` : holder.name
}

const FlagItem = ({ item }: { item: SyncFlagView }) => {
  const summary = syncFlagSummary(item)
  return (
    <View className='org-item' id={`sync-flag-${item.id}`}>
      <View className='org-item-head'>
        <Text className='org-item-name'>{summary.title}</Text>
        <Tag type={summary.recorded ? 'warning' : 'danger'}>{summary.recorded ? '已记录，待核实' : '未记录'}</Tag>
      </View>
      {item.message && <View className='hint'>{item.message}</View>}
      <InfoRow label='办理事项'>{SYNC_KIND_LABELS[item.kind] ?? '离线操作'}</InfoRow>
      <InfoRow label='持卡人'>{holderText(item.holder)}</InfoRow>
      <InfoRow label='经办人员'>{item.pushedBy.name}</InfoRow>
      <InfoRow label='设备编号'>{item.deviceId}</InfoRow>
      <InfoRow label='离线办理时间'>{dateTimeText(item.at)}</InfoRow>
      <InfoRow label='同步到达时间'>{dateTimeText(item.receivedAt)}</InfoRow>
      <View className='hint'>{summary.advice}</View>
    </View>
  )
}

/**
 * 离线核验异常: what stations did offline that the backend recorded but flagged (a card revoked meanwhile, a code used on
 * two devices) or refused. Administrators see every one, department handlers their own staff's.
 */
function SyncFlagsPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new SyncFlagsStore(api))
  const allowed = session.hasRole('admin') || session.hasRole('handler')

  useFreshList(allowed, store)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='离线核验异常仅限管理员和部门经办人查看' /></Page>

  return (
    <Page>
      <View className='section' id='sync-flags'>
        <View className='hint'>
          {session.hasRole('admin') ? '全区' : '本部门工作人员'}离线办理后同步时发现的问题，最新到达的在前。
        </View>
        {store.error && (
          <View className='error-text' id='sync-flags-error'>
            {store.error}
          </View>
        )}
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.error && store.items.length === 0 && <EmptyState description='没有离线核验异常' />}
        {store.items.map((item) => (
          <FlagItem key={item.id} item={item} />
        ))}
        {store.full && <View className='hint'>仅显示最近到达的{store.items.length}条。</View>}
        {store.loaded && (
          <View style={{ marginTop: '8px' }}>
            <Button id='sync-flags-reload' size='small' block loading={store.loading} disabled={store.loading} onClick={() => void store.load()}>
              刷新
            </Button>
          </View>
        )}
      </View>
    </Page>
  )
}

export default observer(SyncFlagsPage)
