import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { InfoRow } from '@/components/InfoRow'
import { ProblemForm } from '@/components/ProblemForm'
import { ProblemList } from '@/components/ProblemList'
import { SignInHint } from '@/components/SignInHint'
import { tappable } from '@/components/tappable'
import { useStores } from '@/stores'
import { ProblemFormStore } from '@/stores/problem-form.store'
import { ProblemListStore } from '@/stores/problem-list.store'
import { VerifyStore } from '@/stores/verify.store'
import { useFreshList } from '@/utils/use-fresh-list'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'
import { problemLink } from '@/utils/links'

const IS_H5 = process.env.TARO_ENV === 'h5'

/**
 * 诉求受理 for station staff: 待处理 (submitted problems to answer on the spot or defer, in the detail page) and
 * 代为登记 — verify the holder's card (scan, or paste in H5), then record a problem for them.
 */
function StaffProblemsPage() {
  const { session, api, uploader } = useStores()
  const [pending] = useState(() => new ProblemListStore(api, { status: 'submitted' }))
  const [verify] = useState(() => new VerifyStore(api))
  const [form] = useState(() => new ProblemFormStore(api, uploader))
  const [tab, setTab] = useState<'pending' | 'record'>('pending')
  const allowed = session.hasRole('staff') || session.hasRole('admin')
  const canRecord = session.hasRole('staff')

  useFreshList(allowed, pending)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='诉求受理仅限流动站工作人员使用' /></Page>

  const holder = verify.result?.holder ?? null

  const afterVerify = () => {
    const found = verify.result?.holder
    if (found) form.start({ forHolder: { holderId: found.id, holderName: found.name } })
  }

  const check = async () => {
    await verify.verify()
    afterVerify()
  }

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      verify.setInput(res.result)
      await check()
    } catch {
      // scanner closed
    }
  }

  const submit = async () => {
    if (!(await form.submit()) || !form.submitted) return
    const id = form.submitted.id
    verify.reset()
    form.reset()
    void pending.load()
    void Taro.showToast({ title: '已登记', icon: 'success' })
    void Taro.navigateTo({ url: problemLink(id) })
  }

  return (
    <Page>
      <View className='tabs'>
        <View id='staff-tab-pending' className={`chip ${tab === 'pending' ? 'chip-active' : ''}`} {...tappable(() => setTab('pending'), { pressed: tab === 'pending' })}>
          待处理
        </View>
        {canRecord && (
          <View id='staff-tab-record' className={`chip ${tab === 'record' ? 'chip-active' : ''}`} {...tappable(() => setTab('record'), { pressed: tab === 'record' })}>
            代为登记
          </View>
        )}
      </View>

      {tab === 'pending' && (
        <View>
          <View className='hint' style={{ marginBottom: '8px' }}>
            能当场答复的当场答复；不能的暂缓办理，须写明解释说明、办理建议和下一步安排。
          </View>
          <ProblemList list={pending} empty='没有待处理的诉求' />
        </View>
      )}

      {tab === 'record' && canRecord && (
        <View>
          <View className='section'>
            <View className='section-title'>核验服务卡</View>
            {IS_H5 ? (
              <View>
                <Textarea
                  id='staff-verify-input'
                  className='field-textarea mono'
                  placeholder='粘贴服务卡二维码内容'
                  maxlength={512}
                  value={verify.input}
                  onInput={(e) => verify.setInput(e.detail.value)}
                />
                <View style={{ marginTop: '10px' }}>
                  <Button id='staff-verify-submit' type='primary' block loading={verify.submitting} onClick={() => void check()}>
                    核验
                  </Button>
                </View>
              </View>
            ) : (
              <Button id='staff-verify-scan' type='primary' block loading={verify.submitting} onClick={() => void scan()}>
                扫码核验
              </Button>
            )}
            {verify.refusal && (
              <ErrorNotice error={verify.refusal} id='staff-verify-error' />
            )}
          </View>

          {holder && form.forHolder?.holderId === holder.id && (
            <View className='section' id='staff-verify-result'>
              <View className='section-title'>为「{holder.name}」登记诉求</View>
              <InfoRow label='联系人'>
                {holder.contact.name} {holder.contact.phone}
              </InfoRow>
              <ProblemForm form={form} onSubmit={() => void submit()} />
            </View>
          )}
        </View>
      )}
    </Page>
  )
}

export default observer(StaffProblemsPage)
