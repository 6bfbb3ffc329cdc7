import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { DateField } from '@/components/DateField'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { FormField } from '@/components/FormField'
import { Page } from '@/components/Page'
import { SignInHint } from '@/components/SignInHint'
import { tappable } from '@/components/tappable'
import { FORUM_FORMAT_LABELS, FORUM_FORMATS, FORUM_LIMITS, TOPIC_STATUS_LABELS } from '@/core/forum/forum.labels'
import type { TopicView } from '@/core/forum/forum.schema'
import { useStores } from '@/stores'
import { ForumAdminStore } from '@/stores/forum-admin.store'
import { formatLabel, forumWhenWhere } from '@/utils/forum-text'
import { problemLink } from '@/utils/links'
import { CATEGORY_LABELS, CATEGORY_ORDER } from '@/utils/problem-labels'
import { shanghaiToday } from '@/utils/time'

const CreateForm = observer(function CreateForm({ store }: { store: ForumAdminStore }) {
  const d = store.draft
  const e = store.draftErrors
  return (
    <View className='section' id='forum-create'>
      <View className='section-title'>安排座谈会</View>
      <View className='field'>
        <View className='field-label'>形式</View>
        <View className='btn-wrap'>
          {FORUM_FORMATS.map((format) => (
            <View key={format} id={`forum-format-${format}`} className={`chip ${d.format === format ? 'chip-active' : ''}`} {...tappable(() => store.set('format', format), { pressed: d.format === format })}>
              {FORUM_FORMAT_LABELS[format]}
            </View>
          ))}
        </View>
      </View>
      <FormField id='forum-title' label='会议名称' placeholder='如 第四季度政企座谈会' value={d.title} maxlength={FORUM_LIMITS.title.max} error={e.title} onInput={(v) => store.set('title', v)} />
      <View className='field'>
        <View className='field-label'>地点</View>
        <View className='btn-wrap'>
          {store.stations.map((station) => (
            <View key={station.id} id={`forum-station-${station.id}`} className={`chip ${d.stationId === station.id ? 'chip-active' : ''}`} {...tappable(() => store.set('stationId', station.id), { pressed: d.stationId === station.id })}>
              {station.name}
            </View>
          ))}
        </View>
        {e.stationId && <View className='field-error'>{e.stationId}</View>}
      </View>
      <FormField id='forum-venue' label='会场（选填）' placeholder='如 三楼会议室' value={d.venue} maxlength={FORUM_LIMITS.venue.max} error={e.venue} onInput={(v) => store.set('venue', v)} />
      <DateField id='forum-date' label='日期' value={d.date} start={shanghaiToday()} error={e.date} onChange={(v) => store.set('date', v)} />
      <View className='form-row'>
        <FormField id='forum-start' label='开始时间' placeholder='09:00' value={d.start} maxlength={5} error={e.start} onInput={(v) => store.set('start', v)} />
        <FormField id='forum-end' label='结束时间' placeholder='11:00' value={d.end} maxlength={5} error={e.end} onInput={(v) => store.set('end', v)} />
      </View>
      <FormField id='forum-capacity' label='企业名额' type='number' value={d.capacity} maxlength={3} error={e.capacity} onInput={(v) => store.set('capacity', v)} />
      {store.created && (
        <View className='ok-text' id='forum-created'>
          已安排 {store.created.title}，持卡企业可在“问卷调查 → 政企座谈会”报名
        </View>
      )}
      <Button id='forum-create-submit' type='primary' size='small' loading={store.creating} onClick={() => void store.create()}>
        安排座谈会
      </Button>
    </View>
  )
})

/** A topic as the administrator goes through it after the meeting: who raised it, and 当场解决 or 转为诉求. */
const TopicDecision = observer(function TopicDecision({ store, topic, held }: { store: ForumAdminStore; topic: TopicView; held: boolean }) {
  const department = store.departmentOf[topic.id]
  const category = store.categoryOf[topic.id] ?? 'other'
  return (
    <View className='rating-item' id={`forum-admin-topic-${topic.id}`}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{topic.title}</Text>
        <Tag type={topic.status === 'submitted' ? 'default' : 'success'}>{TOPIC_STATUS_LABELS[topic.status]}</Tag>
      </View>
      <View className='problem-card-meta'>{topic.holderName}</View>
      <View className='detail-text'>{topic.description}</View>
      {topic.note && <View className='problem-card-meta'>会上答复：{topic.note}</View>}
      {topic.problem && (
        <View className='problem-card-meta'>
          诉求 {topic.problem.number}{' '}
          <Button id={`forum-admin-problem-${topic.id}`} size='small' fill='none' onClick={() => void Taro.navigateTo({ url: problemLink(topic.problem!.id) })}>
            查看
          </Button>
        </View>
      )}
      {topic.status === 'submitted' && held && (
        <View>
          <FormField id={`forum-note-${topic.id}`} label='会上答复' placeholder='当场解决的，写明答复内容' value={store.notes[topic.id] ?? ''} maxlength={FORUM_LIMITS.note.max} onInput={(v) => store.setNote(topic.id, v)} />
          <Button id={`forum-settle-${topic.id}`} size='small' type='primary' loading={store.deciding === topic.id} onClick={() => void store.decide(topic.id, 'settle')}>
            当场解决
          </Button>
          <View className='field-label'>未解决的转为诉求：责任部门</View>
          <View className='btn-wrap'>
            {store.departments.map((d) => (
              <View key={d.id} id={`forum-dept-${topic.id}-${d.id}`} className={`chip ${department === d.id ? 'chip-active' : ''}`} {...tappable(() => store.chooseDepartment(topic.id, d.id), { pressed: department === d.id })}>
                {d.name}
              </View>
            ))}
          </View>
          <View className='field-label'>诉求类别</View>
          <View className='btn-wrap'>
            {CATEGORY_ORDER.map((c) => (
              <View key={c} id={`forum-category-${topic.id}-${c}`} className={`chip ${category === c ? 'chip-active' : ''}`} {...tappable(() => store.chooseCategory(topic.id, c), { pressed: category === c })}>
                {CATEGORY_LABELS[c]}
              </View>
            ))}
          </View>
          <Button id={`forum-to-problem-${topic.id}`} size='small' fill='outline' loading={store.deciding === topic.id} onClick={() => void store.decide(topic.id, 'toProblem')}>
            转为诉求
          </Button>
        </View>
      )}
    </View>
  )
})

/** A meeting's topics; `decides`: an administrator's, who goes through them once the meeting has begun. */
const ForumTopics = observer(function ForumTopics({ store, decides }: { store: ForumAdminStore; decides: boolean }) {
  const forum = store.selected!
  const held = Date.parse(forum.start) <= Date.now()
  return (
    <View className='section' id='forum-admin-detail'>
      <View className='section-title'>
        {formatLabel(forum)} · {forum.title}
      </View>
      <View className='problem-card-meta'>{forumWhenWhere(forum)}</View>
      <View className='problem-card-meta'>
        已报名 {forum.signedUp} / {forum.capacity} 家 · 议题 {forum.topics.length} 个
      </View>
      {decides && !held && <View className='hint'>会议开始后可逐条处理议题：当场解决，或转为诉求交责任部门办理。</View>}
      {forum.topics.length === 0 && <EmptyState description='尚无企业提交议题' />}
      {forum.topics.map((topic) => (
        <TopicDecision key={topic.id} store={store} topic={topic} held={decides && held} />
      ))}
    </View>
  )
})

/**
 * 座谈会管理 (administrators): schedule the quarterly meetings, follow sign-ups and go through the topics after each.
 * Leaders, who attend them, read the same meetings and topics.
 */
function ForumsAdminPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new ForumAdminStore(api))
  const admin = session.hasRole('admin')
  const reader = admin || session.hasRole('leader')

  useEffect(() => {
    if (reader) void store.load(admin)
  }, [admin, reader, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!reader) return <Page><SignInHint text='座谈会管理仅限管理员和区领导使用' /></Page>

  return (
    <Page>
      <ErrorNotice error={store.error} id='forum-admin-error' onRetry={() => void store.load(admin)} retrying={store.loading} />
      {store.selected && <ForumTopics store={store} decides={admin} />}
      <View className='section'>
        <View className='section-title'>近期座谈会</View>
        {store.loaded && store.items.length === 0 && <EmptyState description='尚未安排座谈会' />}
        {store.items.map((forum) => (
          <View key={forum.sessionId} className='rating-item' id={`forum-admin-${forum.sessionId}`}>
            <View className='problem-card-head'>
              <Text className='problem-card-title'>{forum.title}</Text>
              <Tag type='default'>{forum.status === 'cancelled' ? '已取消' : formatLabel(forum)}</Tag>
            </View>
            <View className='problem-card-meta'>{forumWhenWhere(forum)}</View>
            <View className='problem-card-meta'>
              已报名 {forum.signedUp} / {forum.capacity} 家 · 议题 {forum.topicCount} 个
            </View>
            <Button id={`forum-admin-open-${forum.sessionId}`} size='small' fill='outline' onClick={() => void store.open(forum.sessionId)}>
              议题
            </Button>
          </View>
        ))}
      </View>
      {admin && <CreateForm store={store} />}
    </Page>
  )
}

export default observer(ForumsAdminPage)
