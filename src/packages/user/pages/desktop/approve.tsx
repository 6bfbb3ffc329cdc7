import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { useStores } from '@/stores'
import { routeParam } from '@/utils/links'

function back() {
  Taro.navigateBack().catch(() => void Taro.switchTab({ url: '/pages/mine/index' }))
}

/** 我的 → 扫一扫 on the desktop console's QR code: the person confirms that the browser signs in as them. */
function ApprovePage() {
  const { session } = useStores()
  const [challengeId] = useState(() => routeParam('challengeId'))
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<{ code: string; message: string } | null>(null)
  const [approved, setApproved] = useState(false)
  const user = session.user
  if (!user) return <Page>{session.ready ? <SignInHint /> : null}</Page>

  const confirm = async () => {
    if (!challengeId) return
    setSubmitting(true)
    setError(null)
    const res = await session.approveDesktop(challengeId)
    setSubmitting(false)
    if (!res.ok) {
      setError(res.error)
      return
    }
    setApproved(true)
    void Taro.showToast({ title: '电脑端已登录', icon: 'success' })
    setTimeout(back, 1200)
  }

  return (
    <Page>
      <View className='section' style={{ textAlign: 'center' }}>
        {challengeId ? (
          <View id='approve-question' style={{ fontSize: '17px', fontWeight: 600, margin: '16px 0' }}>
            确认在电脑上登录“{user.name}”？
          </View>
        ) : (
          <View className='error-text'>二维码内容不完整，请重新扫码</View>
        )}
        <View className='hint' style={{ marginBottom: '16px' }}>
          确认后，那台电脑的浏览器将以您的身份使用本系统。不是您本人在操作的电脑，请点取消。
        </View>
        <ErrorNotice error={error} id='approve-error' />
        {approved && (
          <View className='hint' id='approve-done' style={{ marginBottom: '12px' }}>
            已确认，电脑端已登录
          </View>
        )}
        <View className='btn-list'>
          <Button id='approve-confirm' type='primary' block disabled={!challengeId || approved} loading={submitting} onClick={() => void confirm()}>
            确认登录
          </Button>
          <Button id='approve-cancel' block onClick={back}>
            取消
          </Button>
        </View>
      </View>
    </Page>
  )
}

export default observer(ApprovePage)
