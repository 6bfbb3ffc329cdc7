import { Textarea, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { RectificationSummary } from '@/components/RectificationSummary'
import { SignInHint } from '@/components/SignInHint'
import { RATING_LIMITS } from '@/core/rating/rating.limits'
import type { RectificationItem } from '@/core/rating/rating.schema'
import { useStores } from '@/stores'
import { AppealDecisionStore } from '@/stores/appeal-decision.store'
import { RectificationListStore } from '@/stores/rectification-list.store'
import { useFreshList } from '@/utils/use-fresh-list'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'

const DecisionForm = observer(function DecisionForm({ decision }: { decision: AppealDecisionStore }) {
  if (decision.uphold === null) return null
  return (
    <View className='rating-card' id='appeal-form'>
      <View className='field-label'>{decision.uphold ? '维持评价的理由（评价有效，继续整改）' : '核销评价的理由（评价保留在记录中，标注核销，不计入考核）'}</View>
      <Textarea
        id='appeal-reason'
        className='field-textarea'
        placeholder='裁决理由'
        maxlength={RATING_LIMITS.decisionReason.max}
        value={decision.reason}
        onInput={(e) => decision.setReason(e.detail.value)}
      />
      {decision.error && (
        <ErrorNotice error={decision.error} id='appeal-error' />
      )}
      <View className='form-buttons'>
        <Button
          id='appeal-submit'
          type={decision.uphold ? 'primary' : 'danger'}
          loading={decision.submitting}
          disabled={decision.submitting}
          onClick={() => void decision.submit()}
        >
          {decision.uphold ? '确认维持' : '确认核销'}
        </Button>
        <Button id='appeal-cancel' disabled={decision.submitting} onClick={() => decision.close()}>
          取消
        </Button>
      </View>
    </View>
  )
})

const Appeal = observer(function Appeal({ item, decision }: { item: RectificationItem; decision: AppealDecisionStore }) {
  const id = item.ratingId
  return (
    <View className='problem-card' id={`appeal-${id}`}>
      <RectificationSummary item={item} prefix='appeal' />
      <View className='btn-wrap' style={{ marginTop: '8px' }}>
        <Button id={`appeal-uphold-${id}`} size='small' type='primary' fill={decision.isOpen(id, true) ? 'solid' : 'outline'} onClick={() => decision.toggle(id, true)}>
          维持评价
        </Button>
        <Button id={`appeal-remove-${id}`} size='small' type='danger' fill={decision.isOpen(id, false) ? 'solid' : 'outline'} onClick={() => decision.toggle(id, false)}>
          核销评价
        </Button>
      </View>
      {decision.isOpen(id) && <DecisionForm decision={decision} />}
    </View>
  )
})

/**
 * 评价申诉裁决: the departments' pending appeals (the rectifications whose rating's appeal is pending); the admin
 * upholds the rating or removes it, with a reason.
 */
function AppealsPage() {
  const { session, api } = useStores()
  const [list] = useState(() => new RectificationListStore(api, 'pending'))
  const [decision] = useState(() => new AppealDecisionStore(api, () => list.load()))
  const allowed = session.hasRole('admin')

  useFreshList(allowed, list)

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='评价申诉裁决仅限管理员使用' /></Page>

  const items = list.sorted
  return (
    <Page>
      <View className='hint' style={{ marginBottom: '8px' }}>
        部门对恶意差评提出申诉。维持：评价有效，整改继续；核销：评价保留在记录中并标注，不计入考核，未完成的整改撤销。
      </View>
      {decision.done && (
        <View className='section' id='appeal-done'>
          {decision.done.uphold ? '已维持评价' : '已核销评价'}
        </View>
      )}
      {list.error && (
        <ErrorNotice error={list.error} id='appeal-list-error' onRetry={() => void list.load()} retrying={list.loading} />
      )}
      <View id='appeal-list'>
        {list.loading && !list.loaded && <View className='hint'>正在加载…</View>}
        {list.loaded && !list.error && items.length === 0 && <EmptyState description='没有待裁决的申诉' />}
        {items.map((item) => (
          <Appeal key={item.ratingId} item={item} decision={decision} />
        ))}
      </View>
    </Page>
  )
}

export default observer(AppealsPage)
