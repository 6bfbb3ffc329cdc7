import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import type { CommissionerAssignmentView } from '@/core/org/org.schema'
import { useStores } from '@/stores'
import { CommissionerAssignmentsStore } from '@/stores/commissioner-assignments.store'
import { momentText } from '@/utils/time'
import { useFreshList } from '@/utils/use-fresh-list'
import '../../org.scss'

const AssignForm = observer(function AssignForm({ store }: { store: CommissionerAssignmentsStore }) {
  return (
    <View className='section' id='assign-form'>
      <View className='section-title'>指派联系对象</View>
      <View className='field'>
        <View className='field-label'>特派员</View>
        <View className='btn-wrap'>
          {store.commissioners.map((person) => (
            <View
              key={person.id}
              id={`assign-commissioner-${person.id}`}
              className={`chip ${store.commissionerId === person.id ? 'chip-active' : ''}`}
              {...tappable(() => store.selectCommissioner(person.id), { pressed: store.commissionerId === person.id })}
            >
              {person.name}
              {person.departmentName ? `·${person.departmentName}` : ''}
            </View>
          ))}
          {store.loaded && !store.error && store.commissioners.length === 0 && <Text className='hint'>还没有特派员，请先在「人员与邀请」中邀请</Text>}
        </View>
      </View>
      <View className='field'>
        <View className='field-label'>联系对象（持有服务卡的企业、项目、人才）</View>
        <Input
          id='assign-holder-query'
          className='field-input'
          placeholder='按名称筛选'
          maxlength={40}
          value={store.holderQuery}
          onInput={(e) => store.setHolderQuery(e.detail.value)}
        />
        <View className='btn-wrap' style={{ marginTop: '8px' }}>
          {store.filteredHolders.map((holder) => (
            <View
              key={holder.id}
              id={`assign-holder-${holder.id}`}
              className={`chip ${store.holderId === holder.id ? 'chip-active' : ''}`}
              {...tappable(() => store.selectHolder(holder.id), { pressed: store.holderId === holder.id })}
            >
              {holder.name}（{HOLDER_TYPE_LABELS[holder.type]}）
            </View>
          ))}
          {store.loaded && !store.error && store.holders.length === 0 && <Text className='hint'>还没有已发服务卡的对象</Text>}
        </View>
      </View>
      {store.assignError && (
        <View className='error-text' id='assign-error'>
          {store.assignError}
        </View>
      )}
      <Button id='assign-submit' type='primary' size='small' loading={store.assigning} disabled={store.assigning} onClick={() => void store.assign()}>
        指派
      </Button>
    </View>
  )
})

const Assignment = observer(function Assignment({ store, item }: { store: CommissionerAssignmentsStore; item: CommissionerAssignmentView }) {
  const key = `${item.commissionerId}:${item.holderId}`
  const unassign = async () => {
    const answer = await Taro.showModal({
      title: '取消指派',
      content: `「${item.commissionerName}」将不再联系「${item.holderName}」。确定取消？`,
      confirmText: '取消指派',
      cancelText: '返回',
      confirmColor: '#cf1322',
    })
    if (!answer.confirm) return
    const problem = await store.unassign(item)
    void Taro.showToast({ title: problem ?? '已取消指派', icon: problem ? 'none' : 'success' })
  }
  return (
    <View className='org-item' id={`assignment-${item.commissionerId}-${item.holderId}`}>
      <View className='org-item-head'>
        <Text>
          {item.holderName}（{HOLDER_TYPE_LABELS[item.holderType]}）
        </Text>
        <Button
          id={`unassign-${item.commissionerId}-${item.holderId}`}
          size='small'
          type='danger'
          fill='outline'
          loading={store.removing === key}
          disabled={store.removing === key}
          onClick={() => void unassign()}
        >
          取消指派
        </Button>
      </View>
      <View className='hint'>指派于 {momentText(item.assignedAt)}</View>
    </View>
  )
})

/** 特派员联系对象: which enterprises, projects and talents each commissioner keeps regular contact with. */
function CommissionersPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new CommissionerAssignmentsStore(api))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, store)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='特派员联系对象仅限管理员使用' /></Page>

  return (
    <Page>
      <AssignForm store={store} />
      <ErrorNotice error={store.error} id='assignments-error' onRetry={() => void store.load()} retrying={store.loading} />
      {store.loaded && store.items.length === 0 && !store.error && <EmptyState description='还没有指派' />}
      {store.byCommissioner.map((group) => (
        <View className='section' key={group.commissionerId} id={`assignments-${group.commissionerId}`}>
          <View className='section-title'>
            {group.commissionerName}（{group.items.length}）
          </View>
          {group.items.map((item) => (
            <Assignment key={item.holderId} store={store} item={item} />
          ))}
        </View>
      ))}
    </Page>
  )
}

export default observer(CommissionersPage)
