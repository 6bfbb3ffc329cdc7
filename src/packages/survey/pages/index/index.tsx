import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { SURVEY_STATUS_LABELS } from '@/core/survey/survey.labels'
import type { SurveySummary } from '@/core/survey/survey.schema'
import { useStores } from '@/stores'
import { SurveysStore } from '@/stores/surveys.store'
import '../../survey.scss'
import { dateText } from '@/utils/time'

const PHASE_LABELS = { draft: '草稿', scheduled: '未开始', open: '填写中', closed: '已结束' } as const
const RESULTS_PAGE = '/packages/leader/pages/survey-results/index'

const go = (url: string) => void Taro.navigateTo({ url })

/** One survey: holders open it to answer; administrators publish, close and read results; departments read results. */
const SurveyItem = observer(function SurveyItem({ survey, store, role }: { survey: SurveySummary; store: SurveysStore; role: 'holder' | 'admin' | 'reader' }) {
  const busy = store.busyId === survey.id
  return (
    <View className='rating-item' id={`survey-${survey.id}`}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{survey.title}</Text>
        <View className='rating-tag'>
          <Tag type={survey.phase === 'open' ? 'success' : 'default'}>{role === 'holder' && survey.answered ? '已提交' : PHASE_LABELS[survey.phase]}</Tag>
        </View>
      </View>
      <View className='problem-card-meta'>
        {dateText(survey.opensOn)} 至 {dateText(survey.closesOn)} · {survey.itemCount}道题
        {survey.responseCount !== null ? ` · 已答${survey.responseCount}家` : ''}
      </View>
      <View style={{ marginTop: '8px', display: 'flex', gap: '8px' }}>
        {role === 'holder' && survey.phase === 'open' && !survey.answered && (
          <Button id={`survey-answer-${survey.id}`} size='small' type='primary' onClick={() => go(`/packages/survey/pages/answer/index?id=${survey.id}`)}>
            去填写
          </Button>
        )}
        {role === 'admin' && survey.status === 'draft' && (
          <Button id={`survey-publish-${survey.id}`} size='small' type='primary' loading={busy} onClick={() => void store.change('publish', survey.id)}>
            发布
          </Button>
        )}
        {role === 'admin' && survey.status === 'open' && survey.phase !== 'closed' && (
          <Button id={`survey-close-${survey.id}`} size='small' fill='outline' loading={busy} onClick={() => void store.change('close', survey.id)}>
            结束
          </Button>
        )}
        {role !== 'holder' && survey.status !== 'draft' && (
          <Button id={`survey-results-${survey.id}`} size='small' fill='outline' onClick={() => go(`${RESULTS_PAGE}?id=${survey.id}`)}>
            查看结果
          </Button>
        )}
      </View>
    </View>
  )
})

/**
 * 企业评判问卷: a holder sees the surveys addressed to their enterprise (去填写 while open); an administrator every
 * survey with 新建问卷, 发布, 结束 and the results; leaders and department handlers the published ones and their results.
 * The quarterly 政企座谈会 opens from here too: holders sign up and raise topics, administrators manage it.
 */
function SurveysPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new SurveysStore(api))
  const role = session.hasRole('admin') ? 'admin' : session.hasRole('leader') || session.hasRole('handler') ? 'reader' : session.hasRole('holder') ? 'holder' : null

  useDidShow(() => {
    if (role) void store.load()
  })

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!role) return <Page><SignInHint text='问卷面向持卡企业，以及管理员、区领导和部门经办人' /></Page>

  const items = role === 'holder' ? store.items.filter((s) => s.phase === 'open' || s.answered) : store.items
  return (
    <Page>
      {role === 'admin' && (
        <View className='section'>
          <Button id='survey-new' type='primary' block onClick={() => go('/packages/survey/pages/build/index')}>
            新建问卷（营商环境调查模板）
          </Button>
          <Button id='forums-admin-entry' block fill='outline' onClick={() => go('/packages/admin/pages/forums/index')}>
            座谈会管理（政企座谈会 · 企业家早餐会）
          </Button>
        </View>
      )}
      {role === 'reader' && session.hasRole('leader') && (
        <View className='section'>
          <Button id='forums-leader-entry' block fill='outline' onClick={() => go('/packages/admin/pages/forums/index')}>
            政企座谈会：报名情况和企业议题
          </Button>
        </View>
      )}
      {role === 'holder' && (
        <View className='section'>
          <Button id='forum-entry' block fill='outline' onClick={() => go('/packages/survey/pages/forum/index')}>
            政企座谈会 · 企业家早餐会：报名、提交议题
          </Button>
        </View>
      )}
      <View className='section'>
        <ErrorNotice error={store.error} id='surveys-error' onRetry={() => void store.load()} retrying={store.loading} />
        {store.loading && !store.loaded && <View className='hint'>正在加载…</View>}
        {store.loaded && !store.error && items.length === 0 && <EmptyState description={role === 'holder' ? '暂无需要填写的问卷' : '暂无问卷'} />}
        {items.map((survey) => (
          <SurveyItem key={survey.id} survey={survey} store={store} role={role} />
        ))}
      </View>
      {role === 'holder' && <View className='hint'>问卷匿名汇总：各部门只看到统计结果和意见内容，看不到填写单位。</View>}
      {role === 'admin' && <View className='hint'>状态：{Object.values(SURVEY_STATUS_LABELS).join(' → ')}</View>}
    </Page>
  )
}

export default observer(SurveysPage)
