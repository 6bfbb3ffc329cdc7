import { Tag } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { SignInHint } from '@/components/SignInHint'
import { tappable } from '@/components/tappable'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import type { HomeVisitView } from '@/core/booking/booking.schema'
import { HOME_VISIT_STATUS_LABELS } from '@/core/booking/home-visit.machine'
import { useStores } from '@/stores'
import { StaffHomeVisitsStore } from '@/stores/staff-home-visits.store'
import { BOOKING_TAG } from '@/utils/labels'
import { dayLabel, shanghaiToday } from '@/utils/time'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'

const VisitCard = observer(function VisitCard({ store, visit }: { store: StaffHomeVisitsStore; visit: HomeVisitView }) {
  const [note, setNote] = useState('')
  const planning = store.planningId === visit.id
  const error = store.errors[visit.id]
  const busy = store.busy === visit.id
  const today = shanghaiToday()
  return (
    <View className='section' id={`hv-${visit.id}`}>
      <View className='row'>
        <Text style={{ fontWeight: 600 }}>{visit.holderName}</Text>
        <View id={`hv-status-${visit.id}`}>
          <Tag type={BOOKING_TAG[visit.status] ?? 'default'}>{HOME_VISIT_STATUS_LABELS[visit.status]}</Tag>
        </View>
      </View>
      <View className='hint'>办理事项：{visit.topic}</View>
      <View className='hint'>地址：{visit.address}</View>
      {visit.problemText && <View className='hint'>问题：{visit.problemText}</View>}
      <View className='hint'>期望日期：{visit.preferredDates.map(dayLabel).join('、')}</View>
      {visit.date && (
        <View className='hint'>
          上门日期：{dayLabel(visit.date)} · {visit.staffIds.length}名工作人员
        </View>
      )}
      <ErrorNotice error={error} id={`hv-error-${visit.id}`} />

      {planning ? (
        <View style={{ marginTop: '10px' }}>
          <View className='field-label'>上门日期</View>
          <View className='btn-wrap' style={{ marginBottom: '8px' }}>
            {visit.preferredDates.map((date) => (
              <View
                key={date}
                id={`hv-plan-date-${visit.id}-${date}`}
                className={`chip ${store.draft.date === date ? 'chip-active' : ''}`}
                {...tappable(() => store.setDraft('date', date), { pressed: store.draft.date === date })}
              >
                {dayLabel(date)}
              </View>
            ))}
            <Picker mode='date' value={store.draft.date || today} start={today} onChange={(e) => store.setDraft('date', String(e.detail.value))}>
              <View className='chip' {...tappable()}>其他日期{store.draft.date && !visit.preferredDates.includes(store.draft.date) ? `：${dayLabel(store.draft.date)}` : ''}</View>
            </Picker>
          </View>
          <View className='hint'>上门人员：{store.draft.staffIds.length ? `${store.draft.staffIds.length}名（默认本人）` : '未指派'}</View>
          <Input
            id={`hv-plan-note-${visit.id}`}
            className='field-input'
            placeholder='备注（选填），如携带的材料'
            maxlength={BOOKING_LIMITS.scheduleNote.max}
            value={store.draft.note}
            onInput={(e) => store.setDraft('note', e.detail.value)}
          />
          {store.draftError && (
            <View className='field-error' id={`hv-plan-error-${visit.id}`}>
              {store.draftError}
            </View>
          )}
          <View className='btn-wrap' style={{ marginTop: '8px' }}>
            <Button id={`hv-plan-submit-${visit.id}`} size='small' type='primary' loading={busy} onClick={() => void store.schedule()}>
              确认安排
            </Button>
            <Button size='small' onClick={() => store.openPlan(null)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='btn-wrap' style={{ marginTop: '8px' }}>
          {(visit.status === 'requested' || visit.status === 'scheduled') && (
            <Button id={`hv-plan-${visit.id}`} size='small' type='primary' onClick={() => store.openPlan(visit)}>
              {visit.status === 'requested' ? '安排' : '调整安排'}
            </Button>
          )}
          {visit.status === 'scheduled' && (
            <Button id={`hv-complete-${visit.id}`} size='small' loading={busy} onClick={() => void store.complete(visit.id, note)}>
              办结
            </Button>
          )}
        </View>
      )}
      {visit.status === 'scheduled' && !planning && (
        <Input
          id={`hv-complete-note-${visit.id}`}
          className='field-input'
          placeholder='办结说明（选填）'
          maxlength={BOOKING_LIMITS.completeNote.max}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      )}
    </View>
  )
})

function HomeVisitsPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new StaffHomeVisitsStore(api, session.user?.id ?? null))
  const allowed = session.hasRole('staff') || session.hasRole('admin')

  useDidShow(() => {
    if (allowed && !store.loading) void store.load()
  })
  useEffect(() => {
    if (allowed && !store.loaded && !store.loading) void store.load()
  }, [allowed, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='上门服务仅限流动站工作人员使用' /></Page>

  const list = store.visible
  return (
    <Page>
      <View className='btn-wrap' style={{ marginBottom: '10px' }}>
        <View id='hv-filter-open' className={`chip ${store.showDone ? '' : 'chip-active'}`} {...tappable(() => store.showDone && store.toggleDone(), { pressed: !store.showDone })}>
          待办
        </View>
        <View id='hv-filter-all' className={`chip ${store.showDone ? 'chip-active' : ''}`} {...tappable(() => !store.showDone && store.toggleDone(), { pressed: store.showDone })}>
          全部
        </View>
      </View>
      {store.error && (
        <ErrorNotice error={store.error} id='hv-list-error' onRetry={() => void store.load()} retrying={store.loading} />
      )}
      {store.loaded && !store.error && list.length === 0 && <EmptyState description='暂无待办的上门服务' />}
      {list.map((visit) => (
        <VisitCard key={visit.id} store={store} visit={visit} />
      ))}
    </Page>
  )
}

export default observer(HomeVisitsPage)
