import { Tag } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { CARD_LIMITS } from '@/core/card/card.limits'
import { CARD_STATUS_LABELS, CARD_STATUSES, type CardStatus } from '@/core/card/card.machine'
import type { CardWithHolder } from '@/core/card/card.schema'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { useStores } from '@/stores'
import { type StatusChange, useAdminStore } from '@/stores/admin.store'
import { STATUS_TAG } from '@/utils/labels'
import './index.scss'

const ACTIONS_BY_STATUS: Record<CardStatus, StatusChange[]> = {
  pending: ['revoke'],
  active: ['suspend', 'revoke'],
  suspended: ['reinstate', 'revoke'],
  revoked: [],
}

const ACTION_LABELS: Record<StatusChange, string> = { suspend: '暂停', reinstate: '恢复', revoke: '注销' }

function CardsPage() {
  const { session } = useStores()
  const admin = useAdminStore()
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const isAdmin = session.hasRole('admin')

  useDidShow(() => {
    if (isAdmin) void admin.load()
  })

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!isAdmin) return <Page><SignInHint text='服务卡管理仅限管理员使用' /></Page>

  const act = async (action: StatusChange, item: CardWithHolder) => {
    const reason = reasons[item.card.id]
    if (action === 'revoke') {
      const answer = await Taro.showModal({
        title: '确认注销',
        content: `注销后「${item.holder.name}」的服务卡将永久失效，不能恢复。确定注销？`,
        confirmText: '注销',
        confirmColor: '#cf1322',
      })
      if (!answer.confirm) return
    }
    const problem = await admin.change(action, item.card.id, reason)
    if (problem) void Taro.showToast({ title: problem, icon: 'none' })
    else {
      setReasons((prev) => ({ ...prev, [item.card.id]: '' }))
      void Taro.showToast({ title: `已${ACTION_LABELS[action]}`, icon: 'success' })
    }
  }

  const filters: Array<CardStatus | null> = [null, ...CARD_STATUSES]

  return (
    <Page>
      <View className='section'>
        <View className='btn-wrap'>
          {filters.map((status) => (
            <View
              key={status ?? 'all'}
              id={`admin-filter-${status ?? 'all'}`}
              className={`chip ${admin.statusFilter === status ? 'chip-active' : ''}`}
              {...tappable(() => void admin.load(status), { pressed: admin.statusFilter === status })}
            >
              {status ? CARD_STATUS_LABELS[status] : '全部'}
            </View>
          ))}
        </View>
        <View style={{ marginTop: '10px' }}>
          <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: '/packages/admin/pages/issue/index' })}>
            发卡
          </Button>
        </View>
      </View>

      <ErrorNotice error={admin.error} id='cards-error' onRetry={() => void admin.load()} retrying={admin.loading} />
      {!admin.loading && !admin.error && admin.items.length === 0 && <EmptyState description='没有符合条件的服务卡' />}

      {admin.items.map((item) => (
        <View className='section' key={item.card.id} id={`admin-card-${item.card.number}`}>
          <View className='admin-card-head'>
            <Text className='admin-card-name'>{item.holder.name}</Text>
            <Tag type={STATUS_TAG[item.card.status] ?? 'default'}>{CARD_STATUS_LABELS[item.card.status]}</Tag>
          </View>
          <View className='hint'>
            {HOLDER_TYPE_LABELS[item.card.type]} · <Text className='mono'>{item.card.number}</Text> · 联系人 {item.holder.contact.name}
          </View>
          {ACTIONS_BY_STATUS[item.card.status].length > 0 && (
            <View className='admin-card-actions'>
              <Input
                className='field-input'
                id={`admin-reason-${item.card.number}`}
                placeholder='原因（选填）'
                maxlength={CARD_LIMITS.changeReason.max}
                value={reasons[item.card.id] ?? ''}
                onInput={(e) => {
                  const value = e.detail.value
                  setReasons((prev) => ({ ...prev, [item.card.id]: value }))
                }}
              />
              <View className='btn-wrap' style={{ marginTop: '8px' }}>
                {ACTIONS_BY_STATUS[item.card.status].map((action) => (
                  <Button
                    key={action}
                    id={`admin-${action}-${item.card.number}`}
                    size='small'
                    type={action === 'revoke' ? 'danger' : action === 'reinstate' ? 'success' : 'warning'}
                    fill='outline'
                    disabled={admin.changing === item.card.id}
                    onClick={() => void act(action, item)}
                  >
                    {ACTION_LABELS[action]}
                  </Button>
                ))}
              </View>
            </View>
          )}
        </View>
      ))}
    </Page>
  )
}

export default observer(CardsPage)
