import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { PROBLEM_DETAIL_PAGE } from '@/utils/links'

/**
 * The problem page's old path, which pushed WeChat messages and stored 消息中心 links name: it hands over to the page
 * in the user subpackage at once (the main package keeps only what it must; issue 13's budget).
 */
export default function ProblemDetailLink() {
  useLoad((query: Record<string, string | undefined>) => {
    const params = Object.entries(query)
      .filter(([key, value]) => value !== undefined && key !== '$taroTimestamp')
      .map(([key, value]) => `${key}=${encodeURIComponent(decodeURIComponent(value!))}`)
      .join('&')
    void Taro.redirectTo({ url: params ? `${PROBLEM_DETAIL_PAGE}?${params}` : PROBLEM_DETAIL_PAGE })
  })
  return <View className='page' />
}
