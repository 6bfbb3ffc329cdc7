import { Tag } from '@nutui/nutui-react-taro'
import { Picker, Text, Textarea, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { DateField } from '@/components/DateField'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { ProblemList } from '@/components/ProblemList'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { shanghaiDate } from '@/core/calendar/shanghai-time'
import { COMMISSIONER_LIMITS } from '@/core/commissioner/commissioner.limits'
import type { AssigneeView } from '@/core/commissioner/commissioner.schema'
import { useStores } from '@/stores'
import { CONTACT_KIND_LABELS, CONTACT_KINDS } from '@/core/commissioner/commissioner.kinds'
import { AssigneesStore } from '@/stores/assignees.store'
import { ProblemListStore } from '@/stores/problem-list.store'
import { dayLabel, momentText, shanghaiToday } from '@/utils/time'

const HOLDER_TYPE_TEXT: Record<AssigneeView['type'], string> = { enterprise: '企业', project: '项目', talent: '人才' }

const ContactForm = observer(function ContactForm({ store }: { store: AssigneesStore }) {
  return (
    <View className='contact-form' id='contact-form'>
      <View className='field'>
        <View className='field-label'>联系方式</View>
        <View className='btn-wrap'>
          {CONTACT_KINDS.map((kind) => (
            <View key={kind} id={`contact-kind-${kind}`} className={`chip ${store.kind === kind ? 'chip-active' : ''}`} {...tappable(() => store.setKind(kind), { pressed: store.kind === kind })}>
              {CONTACT_KIND_LABELS[kind]}
            </View>
          ))}
        </View>
      </View>
      <View className='form-row'>
        <DateField id='contact-date' label='联系日期' value={store.date} end={shanghaiToday()} onChange={(date) => store.set('date', date)} />
        <View className='field'>
          <View className='field-label'>时间（北京时间）</View>
          <Picker id='contact-time-picker' mode='time' value={store.time} onChange={(e) => store.set('time', String(e.detail.value))}>
            <View id='contact-time' className='field-input date-field' {...tappable(undefined, { label: `联系时间：${store.time || '请选择时间'}` })}>
              {store.time || '请选择时间'}
            </View>
          </Picker>
        </View>
      </View>
      <View className='field'>
        <View className='field-label'>联系情况</View>
        <Textarea id='contact-note' className='field-textarea' placeholder='了解到的情况、企业的困难和诉求' maxlength={COMMISSIONER_LIMITS.contactNote.max} value={store.note} onInput={(e) => store.set('note', e.detail.value)} />
      </View>
      {store.contactError && (
        <ErrorNotice error={store.contactError} id='contact-error' />
      )}
      <View style={{ display: 'flex', gap: '8px', marginTop: '8px' }}>
        <Button id='contact-submit' type='primary' size='small' loading={store.logging} onClick={() => void store.logContact()}>
          保存联系记录
        </Button>
        <Button size='small' onClick={() => store.openContact(null)}>
          取消
        </Button>
      </View>
    </View>
  )
})

/**
 * The commissioner's enterprises, projects and talents: last contact, 联系超期 when overdue (7-day cadence), 记录联系,
 * 代为提交诉求 (the submit page with holderId), and the problems of the assignees (filtered to one on tap).
 */
function AssigneesPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new AssigneesStore(api))
  const [problems] = useState(() => new ProblemListStore(api, {}, 50))
  const [selected, setSelected] = useState<string | null>(null)
  const allowed = session.hasRole('commissioner')

  useDidShow(() => {
    if (allowed && store.loaded && !store.loading) {
      void store.load()
      void problems.load()
    }
  })
  useEffect(() => {
    if (allowed && !store.loaded && !store.loading) {
      void store.load()
      void problems.load()
    }
  }, [allowed, store, problems])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='仅限特派员使用' /></Page>

  const submitFor = (holder: AssigneeView) =>
    void Taro.navigateTo({
      url: `/packages/holder/pages/problems/submit?holderId=${encodeURIComponent(holder.holderId)}&holderName=${encodeURIComponent(holder.name)}`,
    })

  const selectedName = store.items.find((item) => item.holderId === selected)?.name

  return (
    <Page>
      {store.error && (
        <ErrorNotice error={store.error} id='assignees-error' onRetry={() => void store.load()} retrying={store.loading} />
      )}
      <View id='assignees-list'>
        {store.loaded && !store.error && store.items.length === 0 && <EmptyState description='暂无联系的企业或项目' />}
        {store.sorted.map((holder) => (
          <View className='section' key={holder.holderId} id={`assignee-${holder.holderId}`}>
            <View className='problem-card-head'>
              <Text className='problem-card-title'>{holder.name}</Text>
              {holder.contactOverdue ? (
                <View id={`assignee-overdue-${holder.holderId}`}>
                  <Tag type='danger'>联系超期</Tag>
                </View>
              ) : (
                <Tag type='success'>{HOLDER_TYPE_TEXT[holder.type]}</Tag>
              )}
            </View>
            <View className='problem-card-meta'>
              最近联系：{holder.lastContactAt ? momentText(holder.lastContactAt) : '尚无记录'}
              {holder.contactDueBy ? ` · 应于 ${dayLabel(shanghaiDate(holder.contactDueBy))} 前联系` : ''}
            </View>
            <View className='problem-card-meta'>未销号诉求 {holder.openProblems} 件</View>
            {store.logged === holder.holderId && <View className='hint'>联系记录已保存</View>}
            <View className='btn-wrap' style={{ marginTop: '8px' }}>
              <Button id={`assignee-log-${holder.holderId}`} size='small' onClick={() => store.openContact(store.contactFor === holder.holderId ? null : holder.holderId)}>
                记录联系
              </Button>
              <Button id={`assignee-submit-${holder.holderId}`} size='small' type='primary' onClick={() => submitFor(holder)}>
                代为提交诉求
              </Button>
              <Button
                id={`assignee-problems-${holder.holderId}`}
                size='small'
                fill={selected === holder.holderId ? 'solid' : 'outline'}
                onClick={() => setSelected(selected === holder.holderId ? null : holder.holderId)}
              >
                查看诉求
              </Button>
            </View>
            {store.contactFor === holder.holderId && <ContactForm store={store} />}
          </View>
        ))}
      </View>

      <View className='section-title' style={{ marginTop: '12px' }}>
        {selectedName ? `「${selectedName}」的诉求` : '联系企业的诉求'}
      </View>
      <View className='hint' style={{ marginBottom: '8px' }}>
        本人及所在单位解决不了的，可在诉求详情中「专报」组织部、督查室。
      </View>
      <ProblemList list={problems} empty='暂无诉求' filter={selected ? (holderId) => holderId === selected : undefined} />
    </Page>
  )
}

export default observer(AssigneesPage)
