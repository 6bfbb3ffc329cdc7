import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ProblemForm, type BookingChoice } from '@/components/ProblemForm'
import { SignInHint } from '@/components/SignInHint'
import { SubscribePrompt } from '@/components/SubscribePrompt'
import { Page } from '@/components/Page'
import { ActivateFirst } from '@/components/ActivateFirst'
import { useStores } from '@/stores'
import { useProblemsStore } from '@/stores/problems.store'
import { useHolderForms } from '@/stores/holder-forms'
import { routeParam, problemLink } from '@/utils/links'
import { FormDraft } from '@/stores/form-draft'
import { ProblemDraftBinding } from '@/stores/problem-draft'
import { photoKeeper } from '@/utils/kept-photo'
import { subscribePlan } from '@/utils/subscribe'
import { slotLabel } from '@/utils/time'

/**
 * 提交诉求. A holder submits for themself and may link one of their bookings (`?bookingId=` pre-selects it); a
 * commissioner comes here with `?holderId=&holderName=` to submit for an enterprise assigned to them.
 * Success → the problem's detail; when the build can ask for WeChat subscribe messages, first a success panel whose
 * button asks for consent (from that tap) to hear about the answer, the signature and the resolution.
 * The form is a draft kept on the phone for this user (and holder); one the network did not carry waits as 待发送 and
 * goes when the network returns or on 重试, as the same submission.
 */
const openDetail = (id: string) => void Taro.redirectTo({ url: problemLink(id) })

function SubmitProblemPage() {
  const { session, bookings } = useStores()
  const problems = useProblemsStore()
  const { problemForm: form } = useHolderForms()
  const user = session.user
  const [submittedId, setSubmittedId] = useState<string | null>(null)
  const [draft, setDraft] = useState<ProblemDraftBinding | null>(null)
  const userId = user?.id ?? null

  useEffect(() => {
    const holderId = routeParam('holderId')
    const holderName = routeParam('holderName') ?? ''
    form.start({ forHolder: holderId ? { holderId, holderName } : null, bookingId: routeParam('bookingId') })
    if (!userId) return
    const binding = new ProblemDraftBinding(form, photoKeeper, userId)
    const kept = new FormDraft(form, binding)
    kept.start()
    setDraft(binding)
    return () => kept.stop()
  }, [form, userId])

  const forSelf = !form.forHolder && (user?.roles.includes('holder') ?? false)
  useEffect(() => {
    if (forSelf && !bookings.loaded && !bookings.loading) void bookings.load()
  }, [forSelf, bookings])

  // A submission that went through, on a tap or by itself when the network returned (read live: start() above clears
  // the previous visit's).
  const submitted = form.submitted
  useEffect(() => {
    const done = form.submitted
    if (!done) return
    if (forSelf) void problems.load()
    void Taro.showToast({ title: '诉求已提交', icon: 'success' })
    if (forSelf && subscribePlan('afterProblem').tmplIds.length > 0) setSubmittedId(done.id)
    else openDetail(done.id)
    // Once per submission.
  }, [submitted])

  if (!user) return <Page>{session.ready ? <SignInHint text='请先登录后提交诉求' /> : null}</Page>
  if (!session.hasRole('holder')) {
    return (
      <Page>
        <ActivateFirst what='提交诉求' />
      </Page>
    )
  }

  const choices: BookingChoice[] = forSelf
    ? bookings.items
        .filter((booking) => booking.status !== 'cancelled' || booking.id === form.bookingId)
        .map((booking) => ({ id: booking.id, label: `${slotLabel(booking.start, booking.end)} ${booking.place.stationName}` }))
    : []


  if (submittedId) {
    return (
      <Page>
        <View className='section' id='problem-submitted'>
          <View className='section-title'>诉求已提交</View>
          <View className='hint'>我们会尽快答复；需交办的将转责任部门办理，您可随时查看进度。</View>
          <SubscribePrompt id='subscribe-after-problem' moment='afterProblem' text='开启微信提醒：诉求答复、部门签收和办结时通知您。' />
          <View style={{ marginTop: '12px' }}>
            <Button id='problem-submitted-view' type='primary' block onClick={() => openDetail(submittedId)}>
              查看诉求
            </Button>
          </View>
        </View>
      </Page>
    )
  }

  return (
    <Page>
      {form.forHolder && (
        <View className='section' id='problem-for-holder'>
          <View className='hint'>代为提交：{form.forHolder.holderName || form.forHolder.holderId}</View>
        </View>
      )}
      {draft && draft.lost > 0 && (
        <View className='section hint' id='problem-photos-lost'>
          草稿里有{draft.lost}张图片没能保存在本机，请重新添加。
        </View>
      )}
      <View className='section'>
        <ProblemForm form={form} bookings={choices} kept onSubmit={() => void form.submit()} />
      </View>
    </Page>
  )
}

export default observer(SubmitProblemPage)
