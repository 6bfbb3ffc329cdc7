import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { ProblemForm, type BookingChoice } from '@/components/ProblemForm'
import { SignInHint } from '@/components/SignInHint'
import { useStores } from '@/stores'
import { slotLabel } from '@/utils/time'

function routeParam(name: string): string | null {
  try {
    const value = Taro.getCurrentInstance()?.router?.params?.[name]
    return typeof value === 'string' && value ? decodeURIComponent(value) : null
  } catch {
    return null
  }
}

/**
 * 提交诉求. A holder submits for themself and may link one of their bookings (`?bookingId=` pre-selects it); a
 * commissioner comes here with `?holderId=&holderName=` to submit for an enterprise assigned to them.
 * Success → the problem's detail.
 */
function SubmitProblemPage() {
  const { session, problemForm: form, bookings, problems } = useStores()
  const user = session.user

  useEffect(() => {
    const holderId = routeParam('holderId')
    const holderName = routeParam('holderName') ?? ''
    form.start({ forHolder: holderId ? { holderId, holderName } : null, bookingId: routeParam('bookingId') })
  }, [form])

  const forSelf = !form.forHolder && (user?.roles.includes('holder') ?? false)
  useEffect(() => {
    if (forSelf && !bookings.loaded && !bookings.loading) void bookings.load()
  }, [forSelf, bookings])

  if (!user) return <View className='page'>{session.ready ? <SignInHint text='请先登录后提交诉求' /> : null}</View>

  const choices: BookingChoice[] = forSelf
    ? bookings.items
        .filter((booking) => booking.status !== 'cancelled' || booking.id === form.bookingId)
        .map((booking) => ({ id: booking.id, label: `${slotLabel(booking.start, booking.end)} ${booking.place.stationName}` }))
    : []

  const submit = async () => {
    if (!(await form.submit()) || !form.submitted) return
    const id = form.submitted.id
    if (forSelf) void problems.load()
    void Taro.showToast({ title: '诉求已提交', icon: 'success' })
    void Taro.redirectTo({ url: `/pages/problems/detail?id=${encodeURIComponent(id)}` })
  }

  return (
    <View className='page'>
      {form.forHolder && (
        <View className='section' id='problem-for-holder'>
          <View className='hint'>代为提交：{form.forHolder.holderName || form.forHolder.holderId}</View>
        </View>
      )}
      <View className='section'>
        <ProblemForm form={form} bookings={choices} onSubmit={() => void submit()} />
      </View>
    </View>
  )
}

export default observer(SubmitProblemPage)
