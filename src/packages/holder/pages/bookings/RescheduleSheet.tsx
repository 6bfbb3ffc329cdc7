import { Popup } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { ErrorNotice } from '@/components/ErrorNotice'
import { tappable } from '@/components/tappable'
import type { BookingView } from '@/core/booking/booking.schema'
import { rescheduleChoices, type SlotBlock } from '@/core/booking/reschedule'
import { SESSION_KIND_LABELS } from '@/core/station/session.kinds'
import { useStores } from '@/stores'
import { seatsLeft } from '@/stores/sessions.store'
import { dayLabel, timeRange } from '@/utils/time'

const BLOCK_TEXT: Record<Exclude<SlotBlock, null>, string> = {
  current: '当前预约',
  started: '已开始',
  full: '约满',
  clash: '与您的其他预约时间冲突',
}

/**
 * 改约 as a bottom sheet: the upcoming sessions grouped by day, each slot that cannot be taken greyed with why (its own,
 * started, full, or overlapping another booking of the holder). Ids: reschedule-<booking id>, reschedule-day-<date>,
 * reschedule-slot-<slot id> (reschedule-slot-note-<slot id>).
 */
export const RescheduleSheet = observer(function RescheduleSheet({ booking, now }: { booking: BookingView; now: number }) {
  const { sessions, bookings } = useStores()
  const days = rescheduleChoices(booking, sessions.items, bookings.items, new Date(now))
  const busy = bookings.changing === booking.id
  return (
    <Popup visible position='bottom' round title='选择新的时段' onClose={() => bookings.openReschedule(null)}>
      {/* NutUI's own close icon is a 20px View with attributes no browser knows (aria-role): ours is a 44px button. */}
      <View id='reschedule-close' className='sheet-close' {...tappable(() => bookings.openReschedule(null), { label: '关闭' })}>
        ✕
      </View>
      <View id={`reschedule-${booking.id}`} className='reschedule-sheet'>
        <View className='hint'>原预约在改约成功后释放。</View>
        <ErrorNotice error={bookings.errors[booking.id]} id={`reschedule-error-${booking.id}`} />
        {sessions.loading && !sessions.loaded && <View className='hint'>正在加载场次…</View>}
        {sessions.loaded && days.length === 0 && <View className='hint'>近期暂无可改约的场次</View>}
        {days.map((day) => (
          <View key={day.date} id={`reschedule-day-${day.date}`} className='reschedule-day'>
            <View className='section-title'>{dayLabel(day.date)}</View>
            {day.sessions.map(({ session, slots }) => (
              <View key={session.id}>
                <View className='booking-meta'>
                  {session.station.name} · {SESSION_KIND_LABELS[session.kind]}
                </View>
                <View className='slots'>
                  {slots.map(({ slot, block }) => (
                    <View
                      key={slot.id}
                      id={`reschedule-slot-${slot.id}`}
                      className={`slot ${block ? 'slot-disabled' : ''} ${block === 'current' ? 'slot-current' : ''}`}
                      {...tappable(
                        () => {
                          if (!block && !busy) void bookings.reschedule(booking.id, slot.id)
                        },
                        { disabled: block !== null },
                      )}
                    >
                      <View className='slot-time'>{timeRange(slot.start, slot.end)}</View>
                      <View className='slot-left' id={`reschedule-slot-note-${slot.id}`}>
                        {block ? BLOCK_TEXT[block] : `余${seatsLeft(slot)}位`}
                      </View>
                    </View>
                  ))}
                </View>
              </View>
            ))}
          </View>
        ))}
      </View>
    </Popup>
  )
})
