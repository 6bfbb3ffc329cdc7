import { useLoad } from '@tarojs/taro'
import { redirectToMoved } from '@/utils/links'
import { Page } from '@/components/Page'

/**
 * The problem page's old path, which pushed WeChat messages and stored 消息中心 links name: it hands over to the page
 * in the user subpackage at once (the main package keeps only what it must; issue 13's budget).
 */
export default function ProblemDetailLink() {
  useLoad((query: Record<string, string | undefined>) => redirectToMoved('pages/problems/detail', query))
  return <Page />
}
