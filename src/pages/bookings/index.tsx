import { useLoad } from '@tarojs/taro'
import { redirectToMoved } from '@/utils/links'
import { Page } from '@/components/Page'

/** 我的预约's old path, which booking messages name: it hands over to the page in the holder subpackage at once. */
export default function BookingsLink() {
  useLoad((query: Record<string, string | undefined>) => redirectToMoved('pages/bookings/index', query))
  return <Page />
}
