import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { shanghaiInstant } from '@/core/calendar/shanghai-time'
import { useStores } from '@/stores'
import { useHomeStore } from '@/stores/home.store'
import { BOOKINGS_PAGE } from '@/utils/links'
import { dayText, timeRange } from '@/utils/time'

/** The top of the home page: the holder's next booking, or the next service day of the stations' people. */
export const HomeNext = observer(function HomeNext() {
  const { session, bookings, sessions } = useStores()
  const home = useHomeStore()
  const now = Date.now()
  if (session.hasRole('holder')) {
    if (!bookings.loaded) return null
    const next = home.nextBooking(now)
    return (
      <View className='section home-next' id='home-next'>
        <View style={{ flex: 1 }}>
          <View className='hint'>下次预约</View>
          {next ? (
            <View>
              <View className='home-next-when'>
                {dayText(next.start, now)} {timeRange(next.start, next.end)}
              </View>
              <View className='hint'>{next.place.stationName}</View>
            </View>
          ) : (
            <View className='home-next-when'>暂无预约</View>
          )}
        </View>
        {next ? (
          <Button size='small' onClick={() => void Taro.navigateTo({ url: BOOKINGS_PAGE })}>
            查看
          </Button>
        ) : (
          <Button size='small' type='primary' onClick={() => void Taro.switchTab({ url: '/pages/sessions/index' })}>
            去预约
          </Button>
        )}
      </View>
    )
  }
  if (!sessions.loaded) return null
  const day = home.nextServiceDay()
  return (
    <View className='section' id='home-next'>
      <View className='hint'>下次服务日</View>
      {day ? (
        <View>
          <View className='home-next-when'>
            {dayText(shanghaiInstant(day.date, day.start), now)} {day.start}–{day.end}
          </View>
          <View className='hint'>{day.station.name}</View>
        </View>
      ) : (
        <View className='home-next-when'>近期没有安排服务日</View>
      )}
    </View>
  )
})
