import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { InfoRow } from '@/components/InfoRow'
import { RatingScores } from '@/components/RatingScores'
import { APPEAL_STATUS_LABELS, RATING_TARGET_TYPE_LABELS, RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '@/core/rating/rating.levels'
import type { RectificationItem } from '@/core/rating/rating.schema'
import { momentText } from '@/utils/time'


const STATUS_TAG: Record<RectificationStatus, 'danger' | 'warning' | 'success' | 'default'> = {
  open: 'danger',
  visited: 'warning',
  rectified: 'success',
  withdrawn: 'default',
}

/** A step's deadline, or when it was done and whether on time; overdue in red. */
function Deadline(props: { id: string; label: string; by: string; doneAt: string | null; onTime: boolean | null; overdue: boolean }) {
  const { doneAt } = props
  return (
    <View className='row'>
      <Text className='row-label'>{props.label}</Text>
      <Text className={props.overdue ? 'row-value deadline-overdue' : 'row-value'} id={props.id}>
        {doneAt ? `${momentText(doneAt)} 已完成${props.onTime === false ? '（超时）' : '（按时）'}` : `${momentText(props.by)} 前${props.overdue ? '（已超期）' : ''}`}
      </Text>
    </View>
  )
}

/**
 * One 差评整改 task as the department and the admin read it (ids `<prefix>-…-<ratingId>`): the rating with its levels
 * and comment, who gave it, the two deadlines (overdue in red), what was recorded, the appeal and the follow-up.
 */
export function RectificationSummary({ item, prefix }: { item: RectificationItem; prefix: string }) {
  const { rating } = item
  const id = item.ratingId
  return (
    <View>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{rating.title}</Text>
        <View className='rating-tag' id={`${prefix}-status-${id}`}>
          <Tag type={STATUS_TAG[item.status]}>{RECTIFICATION_STATUS_LABELS[item.status]}</Tag>
        </View>
      </View>
      <View className='problem-card-meta'>
        {RATING_TARGET_TYPE_LABELS[rating.targetType]} · 评价于 {momentText(rating.createdAt)}
        {item.departmentName ? ` · ${item.departmentName}` : ''}
      </View>
      <InfoRow label='评价人' id={`${prefix}-holder-${id}`}>
        {item.holderName}（{item.contactName} {item.contactPhone}）
      </InfoRow>
      <RatingScores scores={rating} id={`${prefix}-scores-${id}`} />
      {rating.comment && (
        <View className='detail-text' id={`${prefix}-comment-${id}`}>
          {rating.comment}
        </View>
      )}
      <View className='rating-task'>
        <Deadline
          id={`${prefix}-deadline-visit-${id}`}
          label='回访时限'
          by={item.returnVisitBy}
          doneAt={item.returnVisitedAt}
          onTime={item.returnVisitOnTime}
          overdue={item.overdue.includes('returnVisit')}
        />
        <Deadline
          id={`${prefix}-deadline-rectify-${id}`}
          label='整改反馈时限'
          by={item.rectifyBy}
          doneAt={item.rectifiedAt}
          onTime={item.rectifiedOnTime}
          overdue={item.overdue.includes('rectify')}
        />
        {item.returnVisitNote && <InfoRow label='回访情况'>{item.returnVisitNote}</InfoRow>}
        {item.rectificationNote && <InfoRow label='整改情况'>{item.rectificationNote}</InfoRow>}
      </View>
      {rating.appealStatus !== 'none' && (
        <View className={rating.appealStatus === 'removed' ? 'error-text' : 'hint'} id={`${prefix}-appeal-status-${id}`}>
          {APPEAL_STATUS_LABELS[rating.appealStatus]}
          {rating.appealReason ? `。申诉理由：${rating.appealReason}` : ''}
          {rating.appealDecisionReason ? `。裁决理由：${rating.appealDecisionReason}` : ''}
        </View>
      )}
      {rating.followUp && (
        <View className='rating-task' id={`${prefix}-followup-${id}`}>
          <View className='field-label'>评价人追评（{momentText(rating.followUp.createdAt)}）</View>
          <RatingScores scores={rating.followUp} />
          {rating.followUp.comment && <View className='detail-text'>{rating.followUp.comment}</View>}
        </View>
      )}
    </View>
  )
}
