import { Empty } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'

/**
 * An empty list's words over a drawn mark: NutUI's Empty alone shows a picture it hot-links from a CDN (blocked by the
 * H5 page's CSP, never alt-texted; issue 15, defect 7).
 */
export function EmptyState({ description }: { description: string }) {
  return <Empty description={description} image={<View className='empty-mark' />} />
}
