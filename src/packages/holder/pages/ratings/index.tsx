import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { InfoRow } from '@/components/InfoRow'
import { RatingCard } from '@/components/RatingCard'
import { RatingScores } from '@/components/RatingScores'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { shanghaiDate } from '@/core/calendar/shanghai-time'
import {
  APPEAL_STATUS_LABELS,
  RATING_DIMENSION_LABELS,
  RATING_DIMENSIONS,
  RATING_LEVEL_LABELS,
  RATING_TARGET_TYPE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RatingScores as Scores,
  type RatingTargetType,
} from '@/core/rating/rating.levels'
import type { PendingRatingView, RatingView } from '@/core/rating/rating.schema'
import { useStores } from '@/stores'
import { useHolderForms } from '@/stores/holder-forms'
import { FormDraft } from '@/stores/form-draft'
import { RatingDraftBinding } from '@/stores/rating-draft'
import type { RatingFormTarget } from '@/stores/rating-form.store'
import { type RatingEntry, type RatingsStore, useRatingsStore } from '@/stores/ratings.store'
import { dayLabel, shanghaiClock } from '@/utils/time'

/** The target to rate when the page is opened from a problem or a visit: `?targetType=problem&targetId=…`. */
function routeTarget(): { targetType: RatingTargetType; targetId: string } | null {
  try {
    const params = Taro.getCurrentInstance()?.router?.params ?? {}
    const targetType = params.targetType
    const targetId = params.targetId ? decodeURIComponent(params.targetId) : ''
    return (targetType === 'visit' || targetType === 'problem') && targetId ? { targetType, targetId } : null
  } catch {
    return null
  }
}

const when = (at: string) => `${dayLabel(shanghaiDate(at))} ${shanghaiClock(at)}`

const PendingItem = observer(function PendingItem({ item }: { item: PendingRatingView }) {
  const { ratingForm } = useHolderForms()
  const open = ratingForm.isOpenFor(item)
  return (
    <View className='rating-item' id={`pending-${item.targetId}`}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{item.title}</Text>
        <View className='rating-tag'>
          <Tag type='warning'>待评价</Tag>
        </View>
      </View>
      <View className='problem-card-meta'>
        {RATING_TARGET_TYPE_LABELS[item.targetType]} · {item.targetType === 'visit' ? '签到' : '办结'}于 {when(item.servedAt)}
      </View>
      {!open && !ratingForm.queued && (
        <View style={{ marginTop: '8px' }}>
          <Button
            id={`pending-rate-${item.targetId}`}
            size='small'
            type='primary'
            onClick={() => ratingForm.open({ kind: 'submit', targetType: item.targetType, targetId: item.targetId, title: item.title })}
          >
            去评价
          </Button>
        </View>
      )}
      {open && !ratingForm.queued && <RatingCard form={ratingForm} />}
    </View>
  )
})

/** The first rating and its follow-up side by side, one dimension a line. */
function RatingCompare({ rating, followUp }: { rating: RatingView; followUp: RatingView }) {
  return (
    <View className='rating-compare' id={`rating-followup-${rating.id}`}>
      <View className='rating-compare-row rating-compare-head'>
        <Text className='rating-compare-label' />
        <Text className='rating-compare-cell'>首次评价</Text>
        <Text className='rating-compare-cell'>追评</Text>
      </View>
      {RATING_DIMENSIONS.map((dimension) => (
        <View key={dimension} className='rating-compare-row' id={`rating-followup-${rating.id}-${dimension}`}>
          <Text className='rating-compare-label'>{RATING_DIMENSION_LABELS[dimension]}</Text>
          <Text className={`rating-compare-cell ${rating[dimension] <= 2 ? 'rating-low' : ''}`}>{RATING_LEVEL_LABELS[rating[dimension]]}</Text>
          <Text className={`rating-compare-cell ${followUp[dimension] <= 2 ? 'rating-low' : ''}`}>{RATING_LEVEL_LABELS[followUp[dimension]]}</Text>
        </View>
      ))}
      {followUp.comment && <View className='detail-text'>追评：{followUp.comment}</View>}
    </View>
  )
}

const MineItem = observer(function MineItem({ entry }: { entry: RatingEntry }) {
  const { ratingForm } = useHolderForms()
  const { rating, followUp } = entry
  const task = rating.rectification
  const removed = rating.appealStatus === 'removed'
  const canFollowUp = !followUp && rating.availableActions.includes('followUp')
  const open = ratingForm.isOpenFor({ ratingId: rating.id })
  return (
    <View className={`rating-item ${removed ? 'rating-removed' : ''}`} id={`rating-${rating.id}`}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{rating.title}</Text>
        {rating.bad && (
          <View className='rating-tag'>
            <Tag type='danger'>差评</Tag>
          </View>
        )}
      </View>
      <View className='problem-card-meta'>
        {RATING_TARGET_TYPE_LABELS[rating.targetType]} · 评价于 {when(rating.createdAt)}
        {rating.departmentName ? ` · ${rating.departmentName}` : ''}
      </View>
      {followUp ? <RatingCompare rating={rating} followUp={followUp} /> : <RatingScores scores={rating} id={`rating-scores-${rating.id}`} />}
      {rating.comment && <View className='detail-text'>{rating.comment}</View>}
      {task && (
        <View className='rating-task' id={`rating-rectification-${rating.id}`}>
          <InfoRow label='整改情况'>{RECTIFICATION_STATUS_LABELS[task.status]}</InfoRow>
          {task.returnVisitNote && <InfoRow label='部门回访'>{task.returnVisitNote}</InfoRow>}
          {task.rectificationNote && <InfoRow label='整改答复'>{task.rectificationNote}</InfoRow>}
        </View>
      )}
      {rating.appealStatus !== 'none' && (
        <View className={removed ? 'error-text' : 'hint'} id={`rating-appeal-${rating.id}`}>
          {APPEAL_STATUS_LABELS[rating.appealStatus]}
          {rating.appealDecisionReason ? `：${rating.appealDecisionReason}` : ''}
        </View>
      )}
      {canFollowUp && !open && !ratingForm.queued && (
        <View style={{ marginTop: '8px' }}>
          <Button
            id={`rate-followup-${rating.id}`}
            size='small'
            type='primary'
            fill='outline'
            onClick={() => ratingForm.open({ kind: 'followUp', ratingId: rating.id, title: rating.title })}
          >
            追评
          </Button>
        </View>
      )}
      {open && !ratingForm.queued && <RatingCard form={ratingForm} />}
    </View>
  )
})

/**
 * 待发送: a rating the network did not carry, shown as it was sent (it can no longer change) until it goes, by itself
 * when the network returns or on 重试. It stands apart from the lists: after a restart its item may have left 待评价
 * because the first try did reach the backend.
 */
const QueuedRating = observer(function QueuedRating() {
  const { ratingForm } = useHolderForms()
  const target = ratingForm.target
  if (!ratingForm.queued || !target || !ratingForm.complete) return null
  return (
    <View className='section' id='rate-queued'>
      <View className='section-title'>待发送的{target.kind === 'followUp' ? '追评' : '评价'}</View>
      <View className='hint'>{target.title}</View>
      <RatingScores scores={ratingForm.scores as Scores} id='rate-queued-scores' />
      {ratingForm.comment.trim() && <View className='detail-text'>{ratingForm.comment.trim()}</View>}
      <View className='hint' style={{ margin: '8px 0' }}>
        网络不通，评价已保存在本机，网络恢复后会自动提交，不会重复提交。
      </View>
      <Button id='rate-retry' type='primary' block loading={ratingForm.submitting} disabled={ratingForm.submitting} onClick={() => void ratingForm.submit()}>
        重试
      </Button>
    </View>
  )
})

/** Whether a card's item can still be rated, once the lists are in. */
function stillOpen(ratings: RatingsStore, target: RatingFormTarget): boolean {
  if (target.kind === 'submit') return Boolean(ratings.pendingFor(target.targetType, target.targetId))
  return ratings.entries.some(({ rating, followUp }) => rating.id === target.ratingId && !followUp && rating.availableActions.includes('followUp'))
}

const DoneNote = observer(function DoneNote() {
  const { ratingForm } = useHolderForms()
  const done = ratingForm.done
  if (!done) return null
  return (
    <View className='section' id='rate-done'>
      <View className='section-title'>{done.kind === 'followUp' ? '追评已提交' : '评价已提交'}，感谢您的反馈</View>
      <View className='hint'>{done.title}</View>
      {done.bad && (
        <View className='rating-bad-note' id='rate-bad-note'>
          您给出了差评。责任部门将在1个工作日内与您联系回访，并在15个工作日内整改、答复您；整改后您可以追评。
        </View>
      )}
    </View>
  )
})

/** 服务评价: 待评价 (each opens the rating card), then 我的评价 with the department's rectification and 追评. */
function RatingsPage() {
  const { session } = useStores()
  const ratings = useRatingsStore()
  const { ratingForm } = useHolderForms()
  const userId = session.user?.id ?? null
  const target = routeTarget()
  const missing = target && ratings.pendingLoaded && !ratings.pendingFor(target.targetType, target.targetId) && !ratingForm.done

  useDidShow(() => {
    if (session.user && ratings.pendingLoaded && !ratings.loading) void ratings.load()
  })
  useEffect(() => {
    if (!userId) return
    ratingForm.reset()
    // The card left open (or waiting to be sent) before the mini program closed comes back first.
    const draft = new FormDraft(ratingForm, new RatingDraftBinding(ratingForm, userId))
    draft.start()
    void ratings.load().then(() => {
      const restored = ratingForm.target
      if (restored && !ratingForm.queued && ratings.pendingLoaded && ratings.mineLoaded && !stillOpen(ratings, restored)) ratingForm.close()
      const preselected = !ratingForm.target && target && ratings.pendingFor(target.targetType, target.targetId)
      if (preselected) ratingForm.open({ kind: 'submit', targetType: preselected.targetType, targetId: preselected.targetId, title: preselected.title })
    })
    return () => draft.stop()
    // Once per user: the route does not change while the page lives.
  }, [userId, ratings, ratingForm])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后评价' /> : null}</Page>

  const entries = ratings.entries
  return (
    <Page>
      <DoneNote />
      <QueuedRating />
      <ErrorNotice error={ratings.error} id='ratings-error' />
      <View className='section'>
        <View className='section-title'>待评价</View>
        <View className='hint' style={{ marginBottom: '8px' }}>
          一次一评、一事一评：每次到站办事、每件诉求办结后，请对服务态度、办理质量、办理效果作出评价。
        </View>
        {missing && (
          <View className='hint' id='ratings-target-missing'>
            该事项已评价或暂不能评价。
          </View>
        )}
        <View id='ratings-pending'>
          {!ratings.pendingLoaded && <View className='hint'>正在加载…</View>}
          {ratings.pendingLoaded && ratings.pending.length === 0 && <EmptyState description='没有待评价的服务' />}
          {ratings.pendingSorted.map((item) => (
            <PendingItem key={`${item.targetType}-${item.targetId}`} item={item} />
          ))}
        </View>
      </View>
      <View className='section'>
        <View className='section-title'>我的评价</View>
        <View id='ratings-mine'>
          {!ratings.mineLoaded && <View className='hint'>正在加载…</View>}
          {ratings.mineLoaded && entries.length === 0 && <EmptyState description='还没有评价过' />}
          {entries.map((entry) => (
            <MineItem key={entry.rating.id} entry={entry} />
          ))}
        </View>
      </View>
    </Page>
  )
}

export default observer(RatingsPage)
