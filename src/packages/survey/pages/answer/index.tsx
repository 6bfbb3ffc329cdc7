import { TextArea } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '@/core/rating/rating.levels'
import { SURVEY_LIMITS } from '@/core/survey/survey.limits'
import type { SurveyItem } from '@/core/survey/survey.schema'
import { useStores } from '@/stores'
import { SurveyAnswerStore } from '@/stores/survey-answer.store'
import '../../survey.scss'
import { dateText } from '@/utils/time'

function routeId(): string {
  try {
    return decodeURIComponent(Taro.getCurrentInstance()?.router?.params?.id ?? '')
  } catch {
    return ''
  }
}

const Item = observer(function Item({ item, index, store }: { item: SurveyItem; index: number; store: SurveyAnswerStore }) {
  const value = store.answers[item.id]
  const missing = store.error?.code === 'VALIDATION_FAILED' && store.missing.includes(item.id)
  const chip = (id: string, label: string, on: boolean, onClick: () => void) => (
    <View key={id} id={id} className={`chip ${on ? 'chip-active' : ''}`} {...tappable(onClick, { pressed: on })}>
      {label}
    </View>
  )
  return (
    <View className='survey-item' id={`survey-item-${item.id}`}>
      <View className={missing ? 'error-text' : 'detail-text'}>
        {index + 1}. {item.text}
        {item.kind === 'multiple' ? '（可多选）' : item.kind === 'text' ? '（选填）' : ''}
      </View>
      <View className='survey-choices'>
        {item.kind === 'rating' &&
          RATING_LEVELS.map((level) => chip(`survey-${item.id}-level-${level}`, RATING_LEVEL_LABELS[level], value === level, () => store.setAnswer(item.id, level)))}
        {item.kind === 'single' &&
          item.options.map((option, i) => chip(`survey-${item.id}-option-${i}`, option, value === option, () => store.setAnswer(item.id, option)))}
        {item.kind === 'multiple' &&
          item.options.map((option, i) =>
            chip(`survey-${item.id}-option-${i}`, option, Array.isArray(value) && value.includes(option), () => store.toggleChoice(item.id, option)),
          )}
      </View>
      {item.kind === 'text' && (
        <TextArea
          id={`survey-${item.id}-text`}
          value={typeof value === 'string' ? value : ''}
          maxLength={SURVEY_LIMITS.answerText.max}
          placeholder='请填写意见和建议'
          onChange={(text) => store.setAnswer(item.id, text)}
        />
      )}
    </View>
  )
})

/**
 * 填写问卷 (`?id=`): the aspects in order, each item a row of choices (five levels with the product's labels, the
 * options, or text). What is chosen is kept on the phone at once; 提交 sends it once for the enterprise.
 */
function AnswerPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new SurveyAnswerStore(api))
  const id = routeId()
  const userId = session.user?.id ?? null

  useEffect(() => {
    if (userId && id) void store.load(id, userId)
  }, [id, userId, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  const survey = store.survey
  return (
    <Page>
      {store.loading && !survey && <View className='hint'>正在加载…</View>}
      {survey && (
        <View className='section'>
          <View className='section-title' id='survey-title'>
            {survey.title}
          </View>
          {survey.description && <View className='hint'>{survey.description}</View>}
          <View className='hint'>
            填写期：{dateText(survey.opensOn)} 至 {dateText(survey.closesOn)}
          </View>
        </View>
      )}
      {store.sentAt || survey?.answered ? (
        <View className='section' id='survey-done'>
          <View className='section-title'>已提交，感谢贵单位的评价</View>
          <View className='hint'>问卷匿名汇总，发现的问题将交责任部门整改落实。</View>
        </View>
      ) : (
        survey && (
          <>
            {survey.phase !== 'open' && <View className='error-text'>该问卷不在填写期内</View>}
            {survey.sections.map((section) => (
              <View className='section' key={section.id} id={`survey-section-${section.id}`}>
                <View className='section-title'>{section.title}</View>
                {section.items.map((item, index) => (
                  <Item key={item.id} item={item} index={index} store={store} />
                ))}
              </View>
            ))}
            <View className='section'>
              <Text className='hint' id='survey-progress'>
                已答 {store.answeredCount}/{store.requiredCount}（草稿已自动保存在本机）
              </Text>
              <ErrorNotice error={store.error} id='survey-error' />
              <Button id='survey-submit' type='primary' block loading={store.sending} disabled={!store.canAnswer} onClick={() => void store.submit()}>
                提交问卷
              </Button>
            </View>
          </>
        )
      )}
      {!survey && <ErrorNotice error={store.error} id='survey-error' onRetry={() => userId && void store.load(id, userId)} retrying={store.loading} />}
    </Page>
  )
}

export default observer(AnswerPage)
