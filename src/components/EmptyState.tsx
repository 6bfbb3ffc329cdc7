import { View } from '@tarojs/components'

/**
 * An empty list's words under a drawn mark. Not NutUI's Empty: it hot-links its pictures from JD's CDN (blocked by the
 * H5 page's CSP, never alt-texted; issue 15, defect 7), and merely importing it ships those addresses
 * (test/budget/h5-third-party.test.ts).
 */
export function EmptyState({ description }: { description: string }) {
  return (
    <View className='empty-state' style={{ padding: '32px 16px', textAlign: 'center' }}>
      <View className='empty-mark' />
      <View className='hint' style={{ marginTop: '12px' }}>
        {description}
      </View>
    </View>
  )
}
