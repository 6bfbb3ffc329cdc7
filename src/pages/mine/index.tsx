import { Button } from '@nutui/nutui-react-taro'
import { Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { useStores } from '@/stores'
import { rolesText } from '@/utils/labels'

function MinePage() {
  const { session, activation } = useStores()
  const user = session.user
  if (!user) return <View className='page'>{session.ready ? <SignInHint /> : null}</View>

  const activate = async () => {
    if (await activation.activate()) void Taro.showToast({ title: '服务卡已激活', icon: 'success' })
  }

  return (
    <View className='page'>
      <View className='section'>
        <InfoRow label='姓名' id='mine-user-name'>
          {user.name}
        </InfoRow>
        <InfoRow label='身份'>{rolesText(user.roles)}</InfoRow>
      </View>

      {user.roles.includes('holder') && (
        <View className='section'>
          <Button id='mine-bookings' block onClick={() => void Taro.navigateTo({ url: '/pages/bookings/index' })}>
            我的预约
          </Button>
          <View style={{ marginTop: '10px' }}>
            <Button id='mine-problems' block onClick={() => void Taro.navigateTo({ url: '/pages/problems/index' })}>
              我的诉求
            </Button>
          </View>
          <View style={{ marginTop: '10px' }}>
            <Button id='mine-ratings' block onClick={() => void Taro.navigateTo({ url: '/pages/ratings/index' })}>
              我的评价
            </Button>
          </View>
        </View>
      )}

      <View className='section'>
        <View className='section-title'>激活服务卡</View>
        <View className='hint' style={{ marginBottom: '10px' }}>
          输入管理员发给您的12位激活码，将服务卡绑定到当前账号（激活码仅能使用一次）。
        </View>
        <Input
          id='activate-input'
          className='field-input mono'
          placeholder='例如 ABCD EFGH JKLM'
          maxlength={20}
          value={activation.code}
          onInput={(e) => activation.setCode(e.detail.value)}
        />
        {activation.error && <View className='error-text' id='activate-error'>{activation.error}</View>}
        {activation.activated && (
          <View className='hint' id='activate-result' style={{ marginTop: '8px' }}>
            已激活{HOLDER_TYPE_LABELS[activation.activated.card.type]}：{activation.activated.holder.name}（{activation.activated.card.number}）
          </View>
        )}
        <View style={{ marginTop: '12px' }}>
          <Button id='activate-submit' type='primary' block loading={activation.submitting} onClick={() => void activate()}>
            激活
          </Button>
        </View>
        {activation.activated && (
          <View style={{ marginTop: '10px' }}>
            <Button block onClick={() => void Taro.switchTab({ url: '/pages/card/index' })}>
              查看服务卡
            </Button>
          </View>
        )}
      </View>

      <View className='section'>
        <Button id='logout' block onClick={() => session.logout()}>
          退出登录
        </Button>
        <Text className='hint' style={{ display: 'block', marginTop: '8px' }}>
          退出后可在首页重新登录。
        </Text>
      </View>
    </View>
  )
}

export default observer(MinePage)
