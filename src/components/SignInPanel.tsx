import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { useStores } from '@/stores'

// Only the H5 console signs in by QR. Behind this compile-time constant webpack leaves the panel, its store and its styles
// out of the mini program's main package (an import would keep them).
const DesktopSignIn =
  process.env.TARO_ENV === 'h5'
    ? // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('@/components/DesktopSignIn') as typeof import('@/components/DesktopSignIn')).DesktopSignIn
    : null

/**
 * What the home page shows while nobody is signed in: the WeChat sign-in's progress or failure (with 重试) in the mini
 * program, the QR sign-in in the desktop console (H5 without dev login), else a plain 尚未登录.
 */
export const SignInPanel = observer(function SignInPanel() {
  const { session } = useStores()
  if (!session.ready) return <Text className='hint'>{session.signingIn ? '正在登录…' : '正在加载…'}</Text>
  if (session.way === 'desktop') {
    if (DesktopSignIn && session.demoUsers === null) return <DesktopSignIn />
    return <Text className='hint'>尚未登录</Text>
  }
  return (
    <View id='sign-in-panel'>
      {session.signInFailed ? (
        <View className='error-text' id='sign-in-failed'>
          {session.signInFailed}
        </View>
      ) : (
        <Text className='hint'>{session.signingIn ? '正在登录…' : '尚未登录'}</Text>
      )}
      {!(session.way === 'wechat' && session.demoUsers !== null) && (
        <View style={{ marginTop: '12px' }}>
          <Button id='sign-in-retry' type='primary' size='small' loading={session.signingIn} onClick={() => void session.signIn()}>
            {session.signInFailed ? '重试' : '微信登录'}
          </Button>
        </View>
      )}
    </View>
  )
})
