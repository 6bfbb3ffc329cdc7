import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { QrImage } from '@/components/QrImage'
import { useStores } from '@/stores'
import { DesktopSignInStore, type PollClock } from '@/stores/desktop-sign-in.store'
import './DesktopSignIn.scss'

/**
 * The desktop console's sign-in panel (H5 without dev login): a QR code the mini program scans (我的 → 扫一扫), and the
 * browser polls until the phone confirms. The QR text is also in `data-qr` of `#desktop-qr` (it is public: it is on
 * screen); the poll key never leaves the store.
 */
export const DesktopSignIn = observer(function DesktopSignIn({ clock }: { clock?: PollClock }) {
  const { api, session } = useStores()
  const [store] = useState(() => new DesktopSignInStore(api, (token, user) => session.adopt(token, user), clock))
  useEffect(() => {
    store.start()
    return () => store.stop()
  }, [store])

  const challenge = store.challenge
  return (
    <View className='desktop-sign-in' id='desktop-sign-in'>
      <View className='section-title'>电脑端登录</View>
      <View className='desktop-qr-box'>
        {challenge ? (
          <View id='desktop-qr' data-qr={challenge.qr} data-challenge-id={challenge.challengeId}>
            <QrImage text={challenge.qr} size={200} alt='登录二维码' />
          </View>
        ) : (
          <View className='desktop-qr-placeholder' />
        )}
      </View>
      <View className='desktop-scan-hint'>请用微信小程序“我的 → 扫一扫”扫码登录</View>
      <View className={store.status === 'failed' ? 'error-text desktop-status' : 'hint desktop-status'} id='desktop-status'>
        {store.statusText}
      </View>
      {store.canRefresh && (
        <View style={{ marginTop: '12px' }}>
          <Button id='desktop-refresh' type='primary' block onClick={() => store.refresh()}>
            刷新二维码
          </Button>
        </View>
      )}
      <View className='hint' style={{ marginTop: '10px' }}>
        扫码后在手机上点“确认登录”，本页即以您的身份登录。
      </View>
    </View>
  )
})
