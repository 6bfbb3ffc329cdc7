import { Tag } from '@nutui/nutui-react-taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { SubscribePrompt } from '@/components/SubscribePrompt'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import { BOOKING_STATUS_LABELS } from '@/core/booking/booking.machine'
import { useStores } from '@/stores'
import { useHolderForms } from '@/stores/holder-forms'
import { routeParam, BOOKINGS_PAGE } from '@/utils/links'
import { seatsLeft } from '@/stores/sessions.store'
import { SESSION_KIND_LABELS } from '@/core/station/session.kinds'
import { slotLabel } from '@/utils/time'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'
import { ActivateFirst } from '@/components/ActivateFirst'

function BookPage() {
  const { session, sessions } = useStores()
  const { bookingForm: form } = useHolderForms()

  useEffect(() => {
    const slotId = routeParam('slotId')
    if (slotId) form.open(slotId)
    if (!sessions.loaded && !sessions.loading && session.user) void sessions.load()
  }, [form, sessions, session.user])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后预约服务' /> : null}</Page>
  if (!session.hasRole('holder')) {
    return (
      <Page>
        <ActivateFirst what='预约' />
      </Page>
    )
  }

  const booked = form.booked
  if (booked) {
    return (
      <Page>
        <View className='section' id='book-success'>
          <View className='section-title'>预约成功</View>
          <InfoRow label='站点'>{booked.place.stationName}</InfoRow>
          <InfoRow label='类型'>{SESSION_KIND_LABELS[booked.place.kind]}</InfoRow>
          <InfoRow label='时间'>{slotLabel(booked.start, booked.end)}</InfoRow>
          <InfoRow label='地址'>{booked.place.address}</InfoRow>
          <InfoRow label='办理事项'>{booked.topic}</InfoRow>
          <View className='row'>
            <Text className='row-label'>状态</Text>
            <Tag type='primary'>{BOOKING_STATUS_LABELS[booked.status]}</Tag>
          </View>
          <View className='hint' style={{ margin: '8px 0 12px' }}>
            请按时到场，向工作人员出示服务卡二维码签到。如需取消或改约，请至少提前2小时操作。
          </View>
          <SubscribePrompt id='subscribe-after-booking' moment='afterBooking' text='开启微信提醒：预约确认、服务前一天提醒、场次变动时通知您。' />
          <View className='btn-list'>
            <Button id='book-go-bookings' type='primary' block onClick={() => void Taro.redirectTo({ url: BOOKINGS_PAGE })}>
              查看我的预约
            </Button>
            <Button
              id='book-submit-problem'
              block
              onClick={() => void Taro.navigateTo({ url: `/packages/holder/pages/problems/submit?bookingId=${encodeURIComponent(booked.id)}` })}
            >
              提交诉求
            </Button>
            <Button block onClick={() => void Taro.navigateBack()}>
              返回场次列表
            </Button>
          </View>
        </View>
      </Page>
    )
  }

  const found = form.slotId ? sessions.findSlot(form.slotId) : null
  const errors = form.errors

  return (
    <Page>
      <View className='section' id='book-slot'>
        <View className='section-title'>预约时段</View>
        {found ? (
          <View>
            <InfoRow label='站点'>{found.session.station.name}</InfoRow>
            <InfoRow label='类型'>{SESSION_KIND_LABELS[found.session.kind]}</InfoRow>
            <InfoRow label='时间'>{slotLabel(found.slot.start, found.slot.end)}</InfoRow>
            <InfoRow label='地址'>{found.session.station.address}</InfoRow>
            <InfoRow label='剩余名额'>{seatsLeft(found.slot) > 0 ? `${seatsLeft(found.slot)}个` : '约满'}</InfoRow>
          </View>
        ) : (
          <Text className='hint'>{form.slotId ? (sessions.loading ? '正在加载…' : '时段信息以提交结果为准') : '请先在「预约服务」中选择时段'}</Text>
        )}
      </View>

      <View className='section'>
        <View className='field'>
          <View className='field-label'>办理事项（必填）</View>
          <Input
            id='book-topic'
            className='field-input'
            placeholder='如：企业开办、项目立项咨询'
            maxlength={BOOKING_LIMITS.topic.max}
            value={form.topic}
            onInput={(e) => form.set('topic', e.detail.value)}
          />
          {errors.topic && (
            <View className='field-error' id='book-topic-error'>
              {errors.topic}
            </View>
          )}
        </View>
        <View className='field'>
          <View className='field-label'>提前提交问题（选填）</View>
          <Textarea
            id='book-problem'
            className='field-textarea'
            placeholder='简要描述需要解决的问题，工作人员可提前准备'
            maxlength={BOOKING_LIMITS.problemText.max}
            value={form.problemText}
            onInput={(e) => form.set('problemText', e.detail.value)}
          />
          {errors.problemText && <View className='field-error'>{errors.problemText}</View>}
        </View>
        {form.error && (
          <ErrorNotice error={form.error} id='book-error' />
        )}
        <View style={{ marginTop: '12px' }}>
          <Button id='book-submit' type='primary' block loading={form.submitting} disabled={!form.slotId} onClick={() => void form.submit()}>
            提交预约
          </Button>
        </View>
      </View>
    </Page>
  )
}

export default observer(BookPage)
