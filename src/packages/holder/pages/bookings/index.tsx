import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { BOOKING_STATUS_LABELS } from '@/core/booking/booking.machine'
import type { BookingView, HomeVisitView } from '@/core/booking/booking.schema'
import { HOME_VISIT_STATUS_LABELS } from '@/core/booking/home-visit.machine'
import { useStores } from '@/stores'
import { isUpcoming } from '@/stores/bookings.store'
import { SESSION_KIND_LABELS } from '@/core/station/session.kinds'
import { BOOKING_TAG } from '@/utils/labels'
import { dayLabel, slotLabel } from '@/utils/time'
import { RescheduleSheet } from './RescheduleSheet'
import './index.scss'

const BookingCard = observer(function BookingCard({ booking, now }: { booking: BookingView; now: number }) {
  const { bookings, sessions } = useStores()
  const changeable = isUpcoming(booking, now) && booking.place.sessionStatus === 'scheduled'
  const error = bookings.errors[booking.id]
  const busy = bookings.changing === booking.id

  const cancel = async () => {
    const answer = await Taro.showModal({
      title: '取消预约',
      content: `确定取消 ${slotLabel(booking.start, booking.end)} 在「${booking.place.stationName}」的预约？`,
      confirmText: '取消预约',
      cancelText: '再想想',
      confirmColor: '#cf1322',
    })
    if (!answer.confirm) return
    if (await bookings.cancel(booking.id)) void Taro.showToast({ title: '已取消预约', icon: 'success' })
  }

  const reschedule = () => {
    bookings.openReschedule(bookings.reschedulingId === booking.id ? null : booking.id)
    if (!sessions.loading) void sessions.load()
  }

  return (
    <View className='booking-card' id={`booking-${booking.id}`}>
      <View className='booking-head'>
        <Text className='booking-title'>{booking.place.stationName}</Text>
        <View id={`booking-status-${booking.id}`}>
          <Tag type={BOOKING_TAG[booking.status] ?? 'default'}>{BOOKING_STATUS_LABELS[booking.status]}</Tag>
        </View>
      </View>
      <View className='booking-meta'>
        <View>
          {slotLabel(booking.start, booking.end)} · {SESSION_KIND_LABELS[booking.place.kind]}
        </View>
        <View>{booking.place.address}</View>
        <View>办理事项：{booking.topic}</View>
        {booking.place.sessionStatus === 'cancelled' && <View className='error-text'>该场次已取消，请另行预约。</View>}
      </View>
      <ErrorNotice error={error} id={`booking-error-${booking.id}`} />
      {changeable && (
        <View className='booking-actions'>
          <Button id={`booking-reschedule-${booking.id}`} size='small' disabled={busy} onClick={reschedule}>
            改约
          </Button>
          <Button id={`booking-cancel-${booking.id}`} size='small' type='danger' fill='outline' loading={busy} onClick={() => void cancel()}>
            取消
          </Button>
        </View>
      )}
      {changeable && bookings.reschedulingId === booking.id && <RescheduleSheet booking={booking} now={now} />}
      {booking.status !== 'cancelled' && (
        <View className='booking-actions'>
          <Button
            id={`booking-problem-${booking.id}`}
            size='small'
            fill='outline'
            onClick={() => void Taro.navigateTo({ url: `/packages/holder/pages/problems/submit?bookingId=${encodeURIComponent(booking.id)}` })}
          >
            提交诉求
          </Button>
        </View>
      )}
    </View>
  )
})

function HomeVisitCard({ visit }: { visit: HomeVisitView }) {
  return (
    <View className='booking-card' id={`home-visit-${visit.id}`}>
      <View className='booking-head'>
        <Text className='booking-title'>上门服务：{visit.topic}</Text>
        <View id={`home-visit-status-${visit.id}`}>
          <Tag type={BOOKING_TAG[visit.status] ?? 'default'}>{HOME_VISIT_STATUS_LABELS[visit.status]}</Tag>
        </View>
      </View>
      <View className='booking-meta'>
        <View>{visit.address}</View>
        {visit.date ? (
          <View>
            上门日期：{dayLabel(visit.date)} · {visit.staffIds.length}名工作人员
          </View>
        ) : (
          <View>期望日期：{visit.preferredDates.map(dayLabel).join('、')}</View>
        )}
      </View>
    </View>
  )
}

function BookingsPage() {
  const { session, bookings } = useStores()
  const userId = session.user?.id ?? null

  useDidShow(() => {
    if (session.user && !bookings.loading) void bookings.load()
  })
  useEffect(() => {
    if (userId && !bookings.loaded && !bookings.loading) void bookings.load()
  }, [userId, bookings])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看预约' /> : null}</Page>

  const now = Date.now()
  const list = bookings.sorted(now)

  return (
    <Page>
      {bookings.error && (
        <ErrorNotice error={bookings.error} id='bookings-error' onRetry={() => void bookings.load()} retrying={bookings.loading} />
      )}
      <View className='section-title'>站点预约</View>
      <View id='bookings-list'>
        {bookings.loaded && !bookings.error && list.length === 0 && (
          <View className='section'>
            <EmptyState description='还没有预约' />
            <Button block type='primary' onClick={() => void Taro.switchTab({ url: '/pages/sessions/index' })}>
              去预约
            </Button>
          </View>
        )}
        {list.map((booking) => (
          <BookingCard key={booking.id} booking={booking} now={now} />
        ))}
      </View>

      <View className='section-title' style={{ marginTop: '16px' }}>
        上门服务
      </View>
      <View id='home-visits-list'>
        {bookings.loaded && !bookings.error && bookings.homeVisits.length === 0 && <View className='hint'>没有上门服务申请。</View>}
        {bookings.homeVisits.map((visit) => (
          <HomeVisitCard key={visit.id} visit={visit} />
        ))}
      </View>
      <View style={{ marginTop: '12px' }}>
        <Button id='bookings-request-home-visit' block onClick={() => void Taro.navigateTo({ url: '/packages/holder/pages/sessions/home-visit' })}>
          申请上门服务
        </Button>
      </View>
    </Page>
  )
}

export default observer(BookingsPage)
