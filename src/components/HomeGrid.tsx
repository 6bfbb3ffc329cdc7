import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { tappable } from '@/components/tappable'
import type { HomeEntry } from '@/core/auth/home'
import { useHomeStore } from '@/stores/home.store'
import './HomeGrid.scss'

function open(entry: HomeEntry) {
  if (entry.tab) void Taro.switchTab({ url: entry.url })
  else void Taro.navigateTo({ url: entry.url })
}

/**
 * The home page's tiles (and the 工作台 tab's, whose ids take a `prefix`: H5 keeps both tab pages in the document): a
 * coloured glyph, the name, and a badge with what waits.
 */
export const HomeGrid = observer(function HomeGrid({ entries, prefix = '' }: { entries: HomeEntry[]; prefix?: string }) {
  const home = useHomeStore()
  return (
    <View className='home-grid'>
      {entries.map((entry, index) => {
        const count = entry.count ? home.count(entry.count) : null
        return (
          <View key={entry.id} id={prefix + entry.id} className='home-tile' {...tappable(() => open(entry))}>
            <View className={`home-glyph home-glyph-${index % 6}`}>
              {entry.glyph}
            </View>
            <Text className='home-label'>{entry.label}</Text>
            {count && (
              <Text className='badge home-badge' id={prefix + (entry.count === 'unread' ? 'inbox-unread' : `${entry.id}-count`)}>
                {count}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
})
