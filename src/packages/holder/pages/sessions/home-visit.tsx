import { Input, Picker, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { ActivateFirst } from '@/components/ActivateFirst'
import { tappable } from '@/components/tappable'
import { BOOKING_LIMITS } from '@/core/booking/booking.limits'
import { HOME_VISIT_STATUS_LABELS } from '@/core/booking/home-visit.machine'
import { useStores } from '@/stores'
import { useHolderForms } from '@/stores/holder-forms'
import { FormDraft } from '@/stores/form-draft'
import { HomeVisitDraftBinding } from '@/stores/home-visit-draft'
import { dayLabel, shanghaiToday } from '@/utils/time'
import { BOOKINGS_PAGE, openLink } from '@/utils/links'

/**
 * 申请上门服务. The form is a draft kept on the phone for this user; a request the network did not carry waits as 待发送
 * and goes when the network returns or on 重试, as the same request.
 */
function HomeVisitPage() {
  const { session } = useStores()
  const { homeVisitForm: form } = useHolderForms()
  const userId = session.user?.id ?? null
  useEffect(() => {
    if (!userId) return
    // A request sent on an earlier visit: this visit starts a new one.
    if (form.requested) form.reset()
    const draft = new FormDraft(form, new HomeVisitDraftBinding(form, userId))
    draft.start()
    return () => draft.stop()
  }, [form, userId])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后申请上门服务' /> : null}</Page>
  if (!session.hasRole('holder')) {
    return (
      <Page>
        <ActivateFirst what='申请上门服务' />
      </Page>
    )
  }

  const requested = form.requested
  const errors = form.errors
  const today = shanghaiToday()
  const locked = form.queued

  // Once sent, the page is the answer alone: no blank form under it to send a second request by mistake.
  if (requested) {
    return (
      <Page>
        <View className='section' id='hv-success'>
          <View className='section-title'>已提交上门服务申请</View>
          <InfoRow label='办理事项'>{requested.topic}</InfoRow>
          <InfoRow label='地址'>{requested.address}</InfoRow>
          <InfoRow label='期望日期'>{requested.preferredDates.map(dayLabel).join('、')}</InfoRow>
          <InfoRow label='状态'>{HOME_VISIT_STATUS_LABELS[requested.status]}</InfoRow>
          <View className='hint' style={{ margin: '8px 0 12px' }}>
            工作人员安排后，可在「我的预约」查看上门日期。
          </View>
          <Button id='hv-go-bookings' type='primary' block onClick={() => void Taro.redirectTo({ url: BOOKINGS_PAGE })}>
            查看我的预约
          </Button>
          <View style={{ marginTop: '12px' }}>
            <Button id='hv-go-home' block onClick={() => openLink('pages/index/index')}>
              返回首页
            </Button>
          </View>
        </View>
      </Page>
    )
  }

  return (
    <Page>
      <View className='section'>
        <View className='section-title'>上门服务</View>
        <View className='hint' style={{ marginBottom: '10px' }}>
          不便到站点办理的，可申请工作人员上门服务。
        </View>
        <View className='field'>
          <View className='field-label'>上门地址</View>
          <Input
            id='hv-address'
            className='field-input'
            placeholder='详细地址，如：环翠区新威路18号3号楼'
            maxlength={BOOKING_LIMITS.address.max}
            value={form.address}
            disabled={locked}
            onInput={(e) => form.set('address', e.detail.value)}
          />
          {errors.address && <View className='field-error' id='hv-address-error'>{errors.address}</View>}
        </View>
        <View className='field'>
          <View className='field-label'>办理事项</View>
          <Input
            id='hv-topic'
            className='field-input'
            placeholder='如：项目环评咨询'
            maxlength={BOOKING_LIMITS.topic.max}
            value={form.topic}
            disabled={locked}
            onInput={(e) => form.set('topic', e.detail.value)}
          />
          {errors.topic && <View className='field-error' id='hv-topic-error'>{errors.topic}</View>}
        </View>
        <View className='field'>
          <View className='field-label'>问题描述（选填）</View>
          <Textarea
            id='hv-problem'
            className='field-textarea'
            nativeProps={{ 'aria-label': '问题描述' }}
            maxlength={BOOKING_LIMITS.problemText.max}
            value={form.problemText}
            disabled={locked}
            onInput={(e) => form.set('problemText', e.detail.value)}
          />
          {errors.problemText && <View className='field-error'>{errors.problemText}</View>}
        </View>
        <View className='field'>
          <View className='field-label'>
            期望日期（最多{BOOKING_LIMITS.preferredDates.max}个）
          </View>
          <View className='btn-wrap'>
            {form.preferredDates.map((date) => (
              <View key={date} id={`hv-date-${date}`} className='chip chip-active' {...tappable(() => !locked && form.removeDate(date), locked ? {} : { label: `移除${dayLabel(date)}` })}>
                {dayLabel(date)}
                {locked ? '' : ' ✕'}
              </View>
            ))}
            {form.preferredDates.length < BOOKING_LIMITS.preferredDates.max && !locked && (
              <Picker mode='date' value={today} start={today} onChange={(e) => form.addDate(String(e.detail.value))}>
                <View id='hv-date-picker' className='chip' {...tappable()}>
                  ＋ 选择日期
                </View>
              </Picker>
            )}
          </View>
          {errors.preferredDates && <View className='field-error' id='hv-dates-error'>{errors.preferredDates}</View>}
        </View>
        {!locked && <ErrorNotice error={form.error} id='hv-error' />}
        {locked ? (
          <View id='hv-queued' style={{ marginTop: '12px' }}>
            <View className='section-title'>待发送</View>
            <View className='hint'>网络不通，申请已保存在本机，网络恢复后会自动提交，不会重复提交。</View>
            <Button id='hv-retry' type='primary' block loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()}>
              重试
            </Button>
          </View>
        ) : (
          <View style={{ marginTop: '12px' }}>
            <Button id='hv-submit' type='primary' block loading={form.submitting} onClick={() => void form.submit()}>
              提交申请
            </Button>
          </View>
        )}
      </View>
    </Page>
  )
}

export default observer(HomeVisitPage)
