import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { tappable } from '@/components/tappable'
import { useStores } from '@/stores'
import { agoText } from '@/utils/time'

const INBOX_PAGE = '/packages/user/pages/inbox/index'
/** The newest few here; 消息中心 has them all, with read marks and links. */
const SHOWN = 5

/** The 消息 tab of the people who hold no card: their newest messages, and the way to 消息中心. */
export const MessagesPanel = observer(function MessagesPanel() {
  const { inbox } = useStores()
  useDidShow(() => {
    if (!inbox.loading) void inbox.load()
  })
  const now = Date.now()
  return (
    <View className='section' id='messages-panel'>
      <View className='section-title'>最新消息</View>
      {inbox.error && <ErrorNotice error={inbox.error} id='messages-error' onRetry={() => void inbox.load()} retrying={inbox.loading} />}
      {inbox.loaded && !inbox.error && inbox.items.length === 0 && <View className='hint'>暂无消息</View>}
      {inbox.items.slice(0, SHOWN).map((item) => (
        <View key={item.id} className='row tap-line' {...tappable(() => void Taro.navigateTo({ url: INBOX_PAGE }))}>
          <Text className='row-label'>{item.readAt ? item.title : `● ${item.title}`}</Text>
          <Text className='hint'>{agoText(item.createdAt, now)}</Text>
        </View>
      ))}
      <View style={{ marginTop: '12px' }}>
        <Button id='messages-all' block onClick={() => void Taro.navigateTo({ url: INBOX_PAGE })}>
          消息中心{inbox.unread > 0 ? `（${inbox.unread} 条未读）` : ''}
        </Button>
      </View>
    </View>
  )
})
