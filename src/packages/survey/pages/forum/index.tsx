import { Tag } from '@nutui/nutui-react-taro'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { Page } from '@/components/Page'
import { SignInHint } from '@/components/SignInHint'
import { FORUM_LIMITS, TOPIC_STATUS_LABELS } from '@/core/forum/forum.labels'
import type { TopicView } from '@/core/forum/forum.schema'
import { useStores } from '@/stores'
import { ForumStore } from '@/stores/forum.store'
import { formatLabel, forumWhenWhere } from '@/utils/forum-text'
import { problemLink } from '@/utils/links'
import '../../survey.scss'

function routeId(): string {
  try {
    return decodeURIComponent(Taro.getCurrentInstance()?.router?.params?.id ?? '')
  } catch {
    return ''
  }
}

/** One of the enterprise's topics and what became of it: waiting, answered at the meeting, or a problem to follow. */
function TopicItem({ topic }: { topic: TopicView }) {
  return (
    <View className='survey-item' id={`forum-topic-${topic.id}`}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{topic.title}</Text>
        <Tag type={topic.status === 'submitted' ? 'default' : 'success'}>{TOPIC_STATUS_LABELS[topic.status]}</Tag>
      </View>
      <View className='detail-text'>{topic.description}</View>
      {topic.note && <View className='problem-card-meta'>会上答复：{topic.note}</View>}
      {topic.problem && (
        <View className='problem-card-meta'>
          已转为诉求 {topic.problem.number}{' '}
          <Button id={`forum-topic-problem-${topic.id}`} size='small' fill='none' onClick={() => void Taro.navigateTo({ url: problemLink(topic.problem!.id) })}>
            查看办理进度
          </Button>
        </View>
      )}
    </View>
  )
}

const TopicForm = observer(function TopicForm({ store }: { store: ForumStore }) {
  const e = store.topicErrors
  return (
    <View id='forum-topic-form'>
      <View className='section-title'>提交议题</View>
      <FormField id='forum-topic-title' label='议题标题' placeholder='希望在会上商议的问题' value={store.title} maxlength={FORUM_LIMITS.topicTitle.max} error={e.title} onInput={(v) => store.setTitle(v)} />
      <View className='field'>
        <View className='field-label'>具体情况</View>
        <Textarea
          id='forum-topic-description'
          className='field-textarea'
          placeholder='问题的来龙去脉、已做的努力、希望得到的帮助'
          maxlength={FORUM_LIMITS.topicDescription.max}
          value={store.description}
          onInput={(ev) => store.setDescription(ev.detail.value)}
        />
        {e.description && <View className='field-error' id='forum-topic-description-error'>{e.description}</View>}
      </View>
      {store.submitted && <View className='ok-text' id='forum-topic-submitted'>议题已提交，会后可在此查看处理结果</View>}
      <Button id='forum-topic-submit' type='primary' size='small' loading={store.submitting} onClick={() => void store.submitTopic()}>
        提交议题
      </Button>
    </View>
  )
})

const ForumDetail = observer(function ForumDetail({ store }: { store: ForumStore }) {
  const forum = store.selected!
  return (
    <View className='section' id='forum-detail'>
      <View className='section-title' id='forum-detail-title'>
        {formatLabel(forum)} · {forum.title}
      </View>
      <View className='problem-card-meta'>{forumWhenWhere(forum)}</View>
      <View className='problem-card-meta' id='forum-detail-seats'>
        已报名 {forum.signedUp} / {forum.capacity} 家
      </View>
      {forum.status === 'cancelled' && <View className='field-error'>会议已取消{forum.cancelReason ? `：${forum.cancelReason}` : ''}</View>}
      {forum.mySignUp ? (
        <View className='ok-text' id='forum-signed-up'>
          贵单位已报名
        </View>
      ) : (
        store.canSignUp && (
          <Button id='forum-sign-up' type='primary' size='small' loading={store.signingUp} onClick={() => void store.signUp()}>
            报名参加
          </Button>
        )
      )}
      {forum.topics.length > 0 && <View className='section-title'>贵单位的议题</View>}
      {forum.topics.map((topic) => (
        <TopicItem key={topic.id} topic={topic} />
      ))}
      {store.topicsOpen ? <TopicForm store={store} /> : forum.mySignUp && <View className='hint'>会议开始后不再接收议题；会后请在此查看处理结果。</View>}
    </View>
  )
})

/**
 * 政企座谈会 / 企业家早餐会 for holders: the coming (and last quarter's) meetings, 报名, topics raised beforehand, and each
 * topic's outcome — answered at the meeting, or handed to the ledger as a problem the enterprise follows.
 */
function ForumPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new ForumStore(api))
  const holder = session.hasRole('holder')

  useEffect(() => {
    if (!holder) return
    void store.load()
    const id = routeId()
    if (id) void store.open(id)
  }, [holder, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!holder) return <Page><SignInHint text='政企座谈会面向持卡企业报名和提交议题' /></Page>

  return (
    <Page>
      <ErrorNotice error={store.error} id='forum-error' onRetry={() => void store.load()} retrying={store.loading} />
      {store.selected && <ForumDetail store={store} />}
      <View className='section'>
        <View className='section-title'>政企座谈会 · 企业家早餐会</View>
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && store.items.length === 0 && <EmptyState description='近期没有安排座谈会' />}
        {store.items.map((forum) => (
          <View key={forum.sessionId} className='rating-item' id={`forum-${forum.sessionId}`}>
            <View className='problem-card-head'>
              <Text className='problem-card-title'>{forum.title}</Text>
              <Tag type={forum.mySignUp ? 'success' : 'default'}>{forum.status === 'cancelled' ? '已取消' : forum.mySignUp ? '已报名' : formatLabel(forum)}</Tag>
            </View>
            <View className='problem-card-meta'>{forumWhenWhere(forum)}</View>
            <View className='problem-card-meta'>
              已报名 {forum.signedUp} / {forum.capacity} 家{forum.topicCount ? ` · 贵单位议题 ${forum.topicCount} 个` : ''}
            </View>
            <Button id={`forum-open-${forum.sessionId}`} size='small' fill='outline' onClick={() => void store.open(forum.sessionId)}>
              {forum.mySignUp ? '议题与结果' : '查看并报名'}
            </Button>
          </View>
        ))}
      </View>
      <View className='hint'>每季度召开，区领导和相关部门到场。报名后可提前提交议题；会上未能解决的，会后转为诉求，由责任部门限时办理。</View>
    </Page>
  )
}

export default observer(ForumPage)
