import { Switch, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useStores } from '@/stores'

/** 我的 → 适老化模式: larger type and buttons, stronger colours, a home page with the four main jobs. */
export const ElderlySwitch = observer(function ElderlySwitch() {
  const { display } = useStores()
  return (
    <View className='section switch-row'>
      <View className='switch-row-text'>
        <View className='section-title'>适老化模式</View>
        <Text className='hint'>字更大、按钮更大、颜色更分明，首页只留常用的四项。</Text>
      </View>
      <Switch
        id='elderly-mode'
        checked={display.elderly}
        color='#c8102e'
        nativeProps={{ 'aria-label': '适老化模式' }}
        onChange={(e) => display.setElderly(e.detail.value)}
      />
    </View>
  )
})
