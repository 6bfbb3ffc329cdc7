import { Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { RectificationSummary } from '@/components/RectificationSummary'
import { SignInHint } from '@/components/SignInHint'
import { tappable } from '@/components/tappable'
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES } from '@/core/rating/rating.levels'
import type { RectificationItem } from '@/core/rating/rating.schema'
import { useStores } from '@/stores'
import { RectificationFormStore, TASK_ACTION_LABELS, TASK_PLACEHOLDERS, taskActions, taskFieldLabel, taskFieldMax, type TaskAction } from '@/stores/rectification-form.store'
import { RectificationListStore } from '@/stores/rectification-list.store'
import { useFreshList } from '@/utils/use-fresh-list'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'

/** Button ids per action: rect-visit-<id>, rect-rectify-<id>, rect-appeal-<id>. */
const BUTTON_ID: Record<TaskAction, string> = { recordReturnVisit: 'rect-visit', rectify: 'rect-rectify', appeal: 'rect-appeal' }

const TaskForm = observer(function TaskForm({ form }: { form: RectificationFormStore }) {
  const action = form.action
  if (!action) return null
  return (
    <View className='rating-card' id='rect-form'>
      <View className='field-label'>{taskFieldLabel(action)}</View>
      <Textarea
        id='rect-note'
        className='field-textarea'
        placeholder={TASK_PLACEHOLDERS[action]}
        maxlength={taskFieldMax(action)}
        value={form.note}
        onInput={(e) => form.setNote(e.detail.value)}
      />
      {form.error && (
        <ErrorNotice error={form.error} id='rect-error' />
      )}
      <View className='form-buttons'>
        <Button id='rect-submit' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()}>
          提交{TASK_ACTION_LABELS[action]}
        </Button>
        <Button id='rect-cancel' disabled={form.submitting} onClick={() => form.close()}>
          取消
        </Button>
      </View>
    </View>
  )
})

const Task = observer(function Task({ item, form }: { item: RectificationItem; form: RectificationFormStore }) {
  const actions = taskActions(item)
  return (
    <View className='problem-card' id={`rect-${item.ratingId}`}>
      <RectificationSummary item={item} prefix='rect' />
      {actions.length > 0 && (
        <View className='btn-wrap' style={{ marginTop: '8px' }}>
          {actions.map((action) => (
            <Button
              key={action}
              id={`${BUTTON_ID[action]}-${item.ratingId}`}
              size='small'
              type={action === 'appeal' ? 'warning' : 'primary'}
              fill={form.isOpen(item.ratingId, action) ? 'solid' : 'outline'}
              onClick={() => form.toggle(item.ratingId, action)}
            >
              {TASK_ACTION_LABELS[action]}
            </Button>
          ))}
        </View>
      )}
      {form.isOpen(item.ratingId) && <TaskForm form={form} />}
    </View>
  )
})

/**
 * 差评整改 of the handler's department: each bad rating with its deadlines (回访 1 working day, 整改反馈 15), and the
 * actions the backend offers: 回访, 整改, 申诉. Filters `rect-filter-<all|status>`.
 */
function RectificationsPage() {
  const { session, api } = useStores()
  const [list] = useState(() => new RectificationListStore(api))
  const [form] = useState(() => new RectificationFormStore(api, () => list.load()))
  const allowed = session.hasRole('handler')

  useFreshList(allowed, list)
  useEffect(() => {
    if (form.done) void Taro.showToast({ title: `已提交${TASK_ACTION_LABELS[form.done]}`, icon: 'success' })
  }, [form.done])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='差评整改仅限部门经办人使用' /></Page>

  const items = list.sorted
  return (
    <Page>
      <View className='btn-wrap' style={{ marginBottom: '8px' }}>
        <View id='rect-filter-all' className={`chip chip-small ${list.status === null ? 'chip-active' : ''}`} {...tappable(() => void list.setStatus(null), { pressed: list.status === null })}>
          全部
        </View>
        {RECTIFICATION_STATUSES.map((status) => (
          <View
            key={status}
            id={`rect-filter-${status}`}
            className={`chip chip-small ${list.status === status ? 'chip-active' : ''}`}
            {...tappable(() => void list.setStatus(status), { pressed: list.status === status })}
          >
            {RECTIFICATION_STATUS_LABELS[status]}
          </View>
        ))}
      </View>
      <View className='hint' style={{ marginBottom: '8px' }}>
        差评后1个工作日内回访评价人，15个工作日内整改并答复；恶意差评可申诉，由管理员裁决。
      </View>
      {list.error && (
        <ErrorNotice error={list.error} id='rect-list-error' onRetry={() => void list.load()} retrying={list.loading} />
      )}
      <View id='rect-list'>
        {list.loading && !list.loaded && <View className='hint'>正在加载…</View>}
        {list.loaded && !list.error && items.length === 0 && <EmptyState description='没有差评整改任务' />}
        {items.map((item) => (
          <Task key={item.ratingId} item={item} form={form} />
        ))}
      </View>
    </Page>
  )
}

export default observer(RectificationsPage)
