import { Tag } from '@nutui/nutui-react-taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { DateField } from '@/components/DateField'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { addDays } from '@/core/calendar/shanghai-time'
import { PROBLEM_LIMITS } from '@/core/problem/problem.limits'
import type { TimelineEvent } from '@/core/problem/problem.schema'
import { useStores } from '@/stores'
import { useRatingsStore } from '@/stores/ratings.store'
import { ProblemDetailStore, type FormAction, type TextField } from '@/stores/problem-detail.store'
import {
  ACTION_LABELS,
  CATEGORY_LABELS,
  NEXT_STEP_KIND_LABELS,
  NEXT_STEP_KIND_ORDER,
  PROBLEM_TAG,
  ROLE_LABELS_WITH_SYSTEM,
  SOURCE_LABELS,
  STATUS_LABELS,
  deadlineText,
} from '@/utils/problem-labels'
import { dayLabel, momentText, shanghaiToday } from '@/utils/time'
import './detail.scss'

/** How long the 已退回 toast shows before the page leaves for the list. */
const LEAVE_AFTER_MS = 1500

function routeId(): string | null {
  try {
    const value = Taro.getCurrentInstance()?.router?.params?.id
    return typeof value === 'string' && value ? decodeURIComponent(value) : null
  } catch {
    return null
  }
}

/** Danger-looking buttons for the actions that hand the problem back or raise it. */
const BUTTON_TYPE: Partial<Record<FormAction, 'primary' | 'default' | 'danger' | 'warning'>> = {
  answer: 'primary',
  assign: 'primary',
  sign: 'primary',
  resolve: 'primary',
  confirm: 'primary',
  defer: 'warning',
  sendBack: 'danger',
  escalate: 'danger',
}

/** One text input of an action form; the id is `form-<field>`, the length limit problemSchemas'. */
const TextBox = observer(function TextBox(props: { store: ProblemDetailStore; field: Exclude<TextField, 'nextDate'>; label: string; placeholder?: string }) {
  const { store, field } = props
  return (
    <View className='field'>
      <View className='field-label'>{props.label}</View>
      <Textarea
        id={`form-${field}`}
        className='field-textarea'
        placeholder={props.placeholder}
        maxlength={PROBLEM_LIMITS[field].max}
        value={store.fields[field]}
        onInput={(e) => store.setText(field, e.detail.value)}
      />
    </View>
  )
})

/** Next step of a deferral: kind, and a date picked, or tapped among the next 14 days. */
const NextStepFields = observer(function NextStepFields({ store }: { store: ProblemDetailStore }) {
  const today = shanghaiToday()
  const days = Array.from({ length: 14 }, (_, i) => addDays(today, i))
  return (
    <View>
      <View className='field'>
        <View className='field-label'>下一步安排</View>
        <View className='btn-wrap'>
          {NEXT_STEP_KIND_ORDER.map((kind) => (
            <View
              key={kind}
              id={`form-next-kind-${kind}`}
              className={`chip ${store.fields.nextKind === kind ? 'chip-active' : ''}`}
              {...tappable(() => store.setNextKind(kind), { pressed: store.fields.nextKind === kind })}
            >
              {NEXT_STEP_KIND_LABELS[kind]}
            </View>
          ))}
        </View>
      </View>
      <DateField
        id='form-next-date'
        label={store.fields.nextKind === 'homeVisit' ? '上门日期' : '办理日期（下个固定日）'}
        value={store.fields.nextDate}
        start={today}
        onChange={(date) => store.setText('nextDate', date)}
      />
      <View className='field'>
        <View className='date-chips'>
          {days.map((day) => (
            <View
              key={day}
              id={`form-next-date-${day}`}
              className={`chip chip-small ${store.fields.nextDate === day ? 'chip-active' : ''}`}
              {...tappable(() => store.setText('nextDate', day), { pressed: store.fields.nextDate === day })}
            >
              {dayLabel(day)}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
})

const DepartmentFields = observer(function DepartmentFields({ store, withLeader }: { store: ProblemDetailStore; withLeader: boolean }) {
  const directory = store.directory
  if (store.directoryError) {
    return (
      <ErrorNotice error={store.directoryError} />
    )
  }
  if (!directory) return <View className='hint'>正在加载部门…</View>
  return (
    <View>
      <View className='field'>
        <View className='field-label'>责任部门</View>
        <View className='btn-wrap'>
          {directory.departments.map((department) => (
            <View
              key={department.id}
              id={`form-department-${department.id}`}
              className={`chip ${store.fields.departmentId === department.id ? 'chip-active' : ''}`}
              {...tappable(() => store.setDepartment(department.id), { pressed: store.fields.departmentId === department.id })}
            >
              {department.name}
            </View>
          ))}
        </View>
      </View>
      {withLeader && directory.leaders.length > 0 && (
        <View className='field'>
          <View className='field-label'>责任领导（重大问题选填）</View>
          <View className='btn-wrap'>
            {directory.leaders.map((leader) => (
              <View
                key={leader.id}
                id={`form-leader-${leader.id}`}
                className={`chip ${store.fields.leaderId === leader.id ? 'chip-active' : ''}`}
                {...tappable(() => store.toggleLeader(leader.id), { pressed: store.fields.leaderId === leader.id })}
              >
                {leader.name}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
})

/** The form of the open action: the inputs that action needs, 提交 (`form-submit`), the refusal (`form-error`). */
const ActionForm = observer(function ActionForm({ store }: { store: ProblemDetailStore }) {
  const action = store.action
  if (!action) return null
  return (
    <View className='section action-form' id='action-form'>
      <View className='section-title'>{ACTION_LABELS[action]}</View>
      {action === 'answer' && <TextBox store={store} field='reply' label='答复内容' placeholder='当场答复的内容，答复后由持卡人确认销号' />}
      {action === 'defer' && (
        <View>
          <TextBox store={store} field='explanation' label='解释说明' placeholder='为什么不能当场办理' />
          <TextBox store={store} field='suggestion' label='办理建议' placeholder='建议的办理路径、需准备的材料' />
          <NextStepFields store={store} />
        </View>
      )}
      {action === 'assign' && (
        <View>
          <DepartmentFields store={store} withLeader />
          <TextBox store={store} field='plan' label='办理方案（选填）' placeholder='一个问题、一名领导、一套班子、一个方案' />
        </View>
      )}
      {action === 'reassign' && (
        <View>
          <DepartmentFields store={store} withLeader={false} />
          <TextBox store={store} field='reason' label='改派原因' />
        </View>
      )}
      {action === 'sign' && <View className='hint'>签收后进入办理，须在办结期限内办结。</View>}
      {action === 'progress' && <TextBox store={store} field='note' label='办理进展' />}
      {action === 'resolve' && <TextBox store={store} field='resolution' label='办理结果' placeholder='解决的办法和结果，办结后由持卡人确认销号' />}
      {action === 'sendBack' && <TextBox store={store} field='reason' label='退回原因' placeholder='交办有误的原因（交办后2个工作日内可退回）' />}
      {action === 'confirm' && <View className='hint'>确认问题已解决，诉求将销号。</View>}
      {action === 'reopen' && <TextBox store={store} field='reason' label='重新办理的原因' placeholder='哪些问题尚未解决' />}
      {action === 'escalate' && (
        <TextBox store={store} field='report' label='专报内容' placeholder={`报组织部、督查室：问题、已做的工作、需要协调的事项（至少${PROBLEM_LIMITS.report.min}个字）`} />
      )}
      {store.formError && (
        <ErrorNotice error={store.formError} id='form-error' />
      )}
      <View className='action-form-buttons'>
        <Button id='form-submit' type='primary' loading={store.submitting} disabled={store.submitting} onClick={() => void store.submit()}>
          提交
        </Button>
        <Button id='form-cancel' disabled={store.submitting} onClick={() => store.open(null)}>
          取消
        </Button>
      </View>
    </View>
  )
})

function TimelineItem({ event }: { event: TimelineEvent }) {
  const label = event.action === 'submit' ? '提交诉求' : ACTION_LABELS[event.action]
  return (
    <View className='timeline-item' id={`timeline-${event.id}`}>
      <View className='timeline-dot' />
      <View className='timeline-body'>
        <View className='timeline-head'>
          <Text className='timeline-action'>{label}</Text>
          <Text className='timeline-time'>{momentText(event.at)}</Text>
        </View>
        <View className='timeline-meta'>
          {event.actorName}（{ROLE_LABELS_WITH_SYSTEM[event.actorRole]}）
          {event.fromStatus && event.fromStatus !== event.toStatus
            ? ` · ${STATUS_LABELS[event.fromStatus]} → ${STATUS_LABELS[event.toStatus]}`
            : ` · ${STATUS_LABELS[event.toStatus]}`}
        </View>
        {event.note && <View className='timeline-note'>{event.note}</View>}
      </View>
    </View>
  )
}

/** One problem, for every role: its fields and blocks, the action buttons of `availableActions`, the whole timeline. */
function ProblemDetailPage() {
  const { session, api, uploader } = useStores()
  const ratings = useRatingsStore()
  const [store] = useState(() => new ProblemDetailStore(api))
  const userId = session.user?.id ?? null
  const isHolder = session.hasRole('holder')
  // The core's SERVED_PROBLEM_STATUSES (rating.rules.ts loads the holiday table, which the main package must not).
  const served = ['answered', 'resolved', 'closed'].includes(store.detail?.status ?? '')

  useEffect(() => {
    const id = routeId()
    if (userId && id) void store.load(id)
  }, [userId, store])

  // 一事一评: once the problem is answered or resolved, the holder is asked to rate it (if it still waits for a rating).
  useEffect(() => {
    if (isHolder && served) void ratings.loadPending()
  }, [isHolder, served, ratings])

  useEffect(() => {
    if (store.done) void Taro.showToast({ title: `已${ACTION_LABELS[store.done]}`, icon: 'success' })
  }, [store.done])

  // The problem went to others (退回, 改派): after the toast, back to the list it came from, or home when the page was
  // opened by a link (alone on the stack, where navigateBack does nothing).
  useEffect(() => {
    if (!store.left) return
    const leave = () => (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.reLaunch({ url: '/pages/index/index' }))
    const timer = setTimeout(() => void leave(), LEAVE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [store.left])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看诉求' /> : null}</Page>

  const p = store.detail
  if (store.left && store.done) {
    return (
      <Page>
        <View className='section' id='problem-left'>
          <View className='section-title'>已{ACTION_LABELS[store.done]}</View>
          <View className='hint'>该诉求已转交他人办理，不再在您的待办中。正在返回列表…</View>
        </View>
      </Page>
    )
  }
  if (!p) {
    return (
      <Page>
        {store.error ? (
          <ErrorNotice
            error={store.error}
            id='problem-detail-error'
            onRetry={store.error.code === 'NOT_FOUND' || store.error.code === 'FORBIDDEN' ? undefined : () => void store.load()}
            retrying={store.loading}
          />
        ) : (
          <View className='hint'>{routeId() ? '正在加载…' : '没有指定诉求'}</View>
        )}
      </Page>
    )
  }

  const photos = p.photos.map((link) => uploader.url(link))

  return (
    <Page>
      <View className='section' id='problem-detail'>
        <View className='problem-card-head'>
          <Text className='detail-title' id='problem-detail-title'>
            {p.title}
          </Text>
          <View id='problem-detail-status'>
            <Tag type={PROBLEM_TAG[p.status] ?? 'default'}>{STATUS_LABELS[p.status]}</Tag>
          </View>
        </View>
        <View className='detail-badges'>
          {p.escalated && (
            <Text className='badge-escalated' id='problem-detail-escalated'>
              已专报
            </Text>
          )}
          {p.overdue && (
            <Text className='deadline-overdue' id='problem-detail-overdue'>
              已超期
            </Text>
          )}
        </View>
        <InfoRow label='编号'>{p.number}</InfoRow>
        <InfoRow label='类别'>{CATEGORY_LABELS[p.category]}</InfoRow>
        <InfoRow label='来源'>{SOURCE_LABELS[p.source]}</InfoRow>
        <InfoRow label='提交单位'>{p.holderName}</InfoRow>
        {/* A problem raised from a survey's finding has no enterprise, so no phone. */}
        {p.contactPhone && <InfoRow label='联系电话'>{p.contactPhone}</InfoRow>}
        <InfoRow label='提交时间'>{momentText(p.createdAt)}</InfoRow>
        <View className='detail-text' id='problem-detail-description'>
          {p.description}
        </View>
        {photos.length > 0 && (
          <View className='photo-grid' style={{ marginTop: '8px' }}>
            {photos.map((src, index) => (
              <View key={src} className='photo-thumb' id={`problem-detail-photo-${index}`}>
                <Image className='photo-img' src={src} mode='aspectFill' nativeProps={{ alt: `第${index + 1}张图片` }} {...tappable(() => void Taro.previewImage({ current: src, urls: photos }), { label: `查看第${index + 1}张图片` })} />
              </View>
            ))}
          </View>
        )}
      </View>

      {p.reply && (
        <View className='section' id='problem-detail-reply'>
          <View className='section-title'>当场答复</View>
          <View className='detail-text'>{p.reply}</View>
        </View>
      )}

      {p.deferral && (
        <View className='section' id='problem-detail-deferral'>
          <View className='section-title'>暂缓办理</View>
          <InfoRow label='解释说明'>{p.deferral.explanation}</InfoRow>
          <InfoRow label='办理建议'>{p.deferral.suggestion}</InfoRow>
          <InfoRow label='下一步'>
            {NEXT_STEP_KIND_LABELS[p.deferral.nextStep.kind]} · {dayLabel(p.deferral.nextStep.date)}
          </InfoRow>
        </View>
      )}

      {(p.departmentName || p.leaderName || p.plan || p.deadlines) && (
        <View className='section' id='problem-detail-assignment'>
          <View className='section-title'>交办</View>
          {p.departmentName && <InfoRow label='责任部门' id='problem-detail-department'>{p.departmentName}</InfoRow>}
          {p.leaderName && <InfoRow label='责任领导' id='problem-detail-leader'>{p.leaderName}</InfoRow>}
          {p.plan && <InfoRow label='办理方案'>{p.plan}</InfoRow>}
          {p.deadlines && (
            <View>
              <InfoRow label='签收期限'>{momentText(p.deadlines.signBy)}</InfoRow>
              <InfoRow label='办结期限'>{momentText(p.deadlines.resolveBy)}</InfoRow>
            </View>
          )}
          {p.nextDeadline && (
            <View className={p.nextDeadline.overdue ? 'deadline-overdue' : 'hint'} id='problem-detail-next-deadline'>
              当前：{deadlineText(p.nextDeadline)}
              {p.nextDeadline.overdue ? ' 已超期' : ''}
            </View>
          )}
        </View>
      )}

      {p.resolution && (
        <View className='section' id='problem-detail-resolution'>
          <View className='section-title'>办理结果</View>
          <View className='detail-text'>{p.resolution}</View>
        </View>
      )}

      {isHolder && served && ratings.pendingFor('problem', p.id) && (
        <View className='section' id='problem-rate-prompt'>
          <View className='hint'>请对本次诉求办理的服务态度、办理质量、办理效果作出评价。</View>
          <View style={{ marginTop: '8px' }}>
            <Button
              id='problem-rate'
              size='small'
              type='primary'
              onClick={() => void Taro.navigateTo({ url: `/packages/holder/pages/ratings/index?targetType=problem&targetId=${encodeURIComponent(p.id)}` })}
            >
              评价本次办理
            </Button>
          </View>
        </View>
      )}

      {store.notice && (
        <ErrorNotice error={store.notice} id='problem-detail-notice' />
      )}

      {store.actions.length > 0 && (
        <View className='section' id='problem-actions'>
          <View className='btn-wrap'>
            {store.actions.map((action) => (
              <Button
                key={action}
                id={`action-${action}`}
                size='small'
                type={store.action === action ? 'primary' : (BUTTON_TYPE[action] ?? 'default')}
                fill={store.action === action ? 'solid' : 'outline'}
                onClick={() => store.open(store.action === action ? null : action)}
              >
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </View>
        </View>
      )}

      <ActionForm store={store} />

      <View className='section'>
        <View className='section-title'>办理过程</View>
        <View id='problem-timeline'>
          {store.timeline.map((event) => (
            <TimelineItem key={event.id} event={event} />
          ))}
        </View>
      </View>
    </Page>
  )
}

export default observer(ProblemDetailPage)
