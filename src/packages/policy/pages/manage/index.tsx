import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { POLICY_STATUS_LABELS, POLICY_STATUSES } from '@/core/policy/policy.labels'
import { useStores } from '@/stores'
import { PolicyListStore } from '@/stores/policies.store'
import { PolicyCard } from '../../PolicyCard'

/**
 * 政策发布管理 (administrators; handlers for their department): drafts, published and withdrawn policies
 * (`manage-status-<status>`), 新建 (`manage-new`); a card opens the policy, where it is edited, published or withdrawn
 * and its reach shown.
 */
function PolicyManagePage() {
  const { session, api } = useStores()
  const [list] = useState(() => new PolicyListStore(api, { status: 'draft' }))
  const allowed = session.hasRole('admin') || session.hasRole('handler')

  useDidShow(() => {
    if (allowed) void list.load()
  })

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='政策发布仅限管理员和部门经办人' /></Page>

  return (
    <Page>
      <Button id='manage-new' type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/policy/pages/edit/index' })}>
        新建政策
      </Button>
      {session.hasRole('handler') && !session.hasRole('admin') && <View className='hint'>您可以编写、发布和撤回本部门的政策。</View>}
      <View className='btn-wrap filter-group'>
        {POLICY_STATUSES.map((status) => (
          <View key={status} id={`manage-status-${status}`} className={`chip ${list.filters.status === status ? 'chip-active' : ''}`} {...tappable(() => void list.setFilter('status', status), { pressed: list.filters.status === status })}>
            {POLICY_STATUS_LABELS[status]}
          </View>
        ))}
      </View>
      {list.error && <ErrorNotice error={list.error} id='manage-error' onRetry={() => void list.load()} retrying={list.loading} />}
      <View id='manage-list'>
        {list.loaded && !list.error && list.items.length === 0 && <EmptyState description='暂无政策' />}
        {list.items.map((policy) => (
          <PolicyCard key={policy.id} policy={policy} prefix='manage-policy' />
        ))}
      </View>
      {list.hasMore && (
        <Button id='manage-more' block loading={list.loading} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      )}
    </Page>
  )
}

export default observer(PolicyManagePage)
