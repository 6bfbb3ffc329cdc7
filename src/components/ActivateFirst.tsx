import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'

/** In place of a holder's form for someone without a card: the way to get one, before any typing. */
export function ActivateFirst({ what }: { what: string }) {
  return (
    <View className='section' id='activate-first'>
      <View className='section-title'>{what}需要服务卡</View>
      <View className='hint' style={{ marginBottom: '12px' }}>
        服务卡由管理员发放给企业和个体工商户。收到激活码后，在「我的」激活服务卡即可{what}。
      </View>
      <Button id='activate-first-go' type='primary' block onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}>
        去激活服务卡
      </Button>
    </View>
  )
}
