import { Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import type { InboxItemView } from '@/core/notification/notification.schema'
import { useStores } from '@/stores'
import { openLink } from '@/utils/links'
import { agoText } from '@/utils/time'
import { useFreshList } from '@/utils/use-fresh-list'
import './index.scss'


/**
 * 消息中心: every notification of the signed-in user, pushed or not (a message whose WeChat push was not allowed
 * waits here). Tap: marks it read and opens its page, if any. Ids: inbox-list, inbox-item-<id>, inbox-unread-<id>
 * (the dot), inbox-read-all, inbox-more, inbox-error.
 */
function InboxPage() {
  const { session, inbox } = useStores()
  const user = session.user

  useFreshList(!!user, inbox)

  if (!user) return <Page>{session.ready ? <SignInHint text='请先登录后查看消息' /> : null}</Page>

  const open = async (item: InboxItemView) => {
    await inbox.markRead(item.id)
    if (item.link) openLink(item.link)
  }

  return (
    <Page>
      <View className='section inbox-head'>
        <Text className='hint'>{inbox.unread > 0 ? `${inbox.unread}条未读` : '没有未读消息'}</Text>
        <Button id='inbox-read-all' size='small' disabled={inbox.unread === 0} loading={inbox.readingAll} onClick={() => void inbox.readAll()}>
          全部已读
        </Button>
      </View>
      {inbox.error && (
        <ErrorNotice error={inbox.error} id='inbox-error' onRetry={() => void inbox.load()} retrying={inbox.loading} />
      )}
      <View id='inbox-list'>
        {inbox.loading && !inbox.loaded && <View className='hint'>正在加载…</View>}
        {inbox.loaded && !inbox.error && inbox.items.length === 0 && <EmptyState description='暂无消息' />}
        {inbox.items.map((item) => (
          <View
            key={item.id}
            id={`inbox-item-${item.id}`}
            className={`section inbox-item ${item.readAt === null ? 'inbox-item-unread' : ''}`}
            {...tappable(() => void open(item))}
          >
            <View className='inbox-item-head'>
              {item.readAt === null && <View className='inbox-dot' id={`inbox-unread-${item.id}`} />}
              <Text className='inbox-item-title'>{item.title}</Text>
              <Text className='hint inbox-item-time'>{agoText(item.createdAt)}</Text>
            </View>
            <View className='inbox-item-body'>{item.body}</View>
            {item.link && <View className='hint inbox-item-link'>查看详情 ›</View>}
          </View>
        ))}
        {inbox.hasMore && (
          <Button id='inbox-more' block loading={inbox.loading} onClick={() => void inbox.loadMore()}>
            加载更多
          </Button>
        )}
      </View>
    </Page>
  )
}

export default observer(InboxPage)
