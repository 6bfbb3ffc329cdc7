import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@/components/Button'

/** Shown where a page needs a signed-in user (or a role the user lacks). */
export function SignInHint({ text = '请先登录后使用' }: { text?: string }) {
  return (
    <View className='section'>
      <Text className='hint'>{text}</Text>
      <View style={{ marginTop: '12px' }}>
        <Button size='small' type='primary' onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
          去首页登录
        </Button>
      </View>
    </View>
  )
}
