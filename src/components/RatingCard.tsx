import { Textarea, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import { tappable } from '@/components/tappable'
import { RATING_DIMENSION_LABELS, RATING_DIMENSIONS, RATING_LEVEL_LABELS, RATING_LEVELS } from '@/core/rating/rating.levels'
import { RATING_LIMITS } from '@/core/rating/rating.limits'
import type { RatingFormStore } from '@/stores/rating-form.store'
import { ErrorNotice } from './ErrorNotice'

/**
 * The rating card: for each dimension five tappable levels (`rate-<dimension>-<level>`), an optional comment
 * (`rate-comment`), 提交 (`rate-submit`) and the refusal (`rate-error`). When the levels chosen make a 差评 the card says
 * what follows (`rate-bad-hint`) before it is sent.
 */
export const RatingCard = observer(function RatingCard({ form }: { form: RatingFormStore }) {
  const target = form.target
  if (!target) return null
  return (
    <View className='rating-card' id='rating-card'>
      <View className='section-title'>{target.kind === 'followUp' ? '追评' : '评价'}：{target.title}</View>
      {RATING_DIMENSIONS.map((dimension) => (
        <View key={dimension} className='field' id={`rate-${dimension}`}>
          <View className='field-label'>{RATING_DIMENSION_LABELS[dimension]}</View>
          <View className='btn-wrap'>
            {RATING_LEVELS.map((level) => (
              <View
                key={level}
                id={`rate-${dimension}-${level}`}
                className={`chip chip-small ${form.scores[dimension] === level ? 'chip-active' : ''}`}
                {...tappable(() => form.setLevel(dimension, level), { pressed: form.scores[dimension] === level })}
              >
                {RATING_LEVEL_LABELS[level]}
              </View>
            ))}
          </View>
          {form.errors[dimension] && (
            <View className='field-error' id={`rate-${dimension}-error`}>
              {form.errors[dimension]}
            </View>
          )}
        </View>
      ))}
      <View className='field'>
        <View className='field-label'>评价内容（选填）</View>
        <Textarea
          id='rate-comment'
          className='field-textarea'
          placeholder='说说办事的经过和感受'
          maxlength={RATING_LIMITS.comment.max}
          value={form.comment}
          onInput={(e) => form.setComment(e.detail.value)}
        />
        {form.errors.comment && (
          <View className='field-error' id='rate-comment-error'>
            {form.errors.comment}
          </View>
        )}
      </View>
      {form.bad && target.kind === 'submit' && (
        <View className='hint' id='rate-bad-hint'>
          「不满意」「非常不满意」为差评：责任部门将在1个工作日内回访，15个工作日内整改并答复您。
        </View>
      )}
      {form.error && (
        <ErrorNotice error={form.error} id='rate-error' />
      )}
      <View className='form-buttons'>
        <Button id='rate-submit' type='primary' loading={form.submitting} disabled={form.submitting} onClick={() => void form.submit()}>
          提交评价
        </Button>
        <Button id='rate-cancel' disabled={form.submitting} onClick={() => form.close()}>
          取消
        </Button>
      </View>
    </View>
  )
})
