import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { RATING_LEVEL_LABELS, RATING_LEVELS } from '@/core/rating/rating.levels'
import type { Finding } from '@/core/survey/survey.results'
import { useStores } from '@/stores'
import { SurveyResultsStore } from '@/stores/survey-results.store'
import { F2Chart } from '../../charts/F2Chart'
import { aspectChart, departmentChart, levelChart } from '../../charts/survey-chart-data'
import { problemLink } from '@/utils/links'
import { momentText } from '@/utils/time'

function routeId(): string {
  try {
    return decodeURIComponent(Taro.getCurrentInstance()?.router?.params?.id ?? '')
  } catch {
    return ''
  }
}

const FindingRow = observer(function FindingRow({ finding, store, admin }: { finding: Finding; store: SurveyResultsStore; admin: boolean }) {
  const problem = store.problemOf(finding.itemId)
  const department = store.departmentFor(finding)
  return (
    <View className='rating-item' id={`survey-finding-${finding.itemId}`}>
      <View className='problem-card-title'>
        {finding.sectionTitle} · {finding.text}
      </View>
      <View className='problem-card-meta'>
        平均 {finding.average} 分 · {finding.count} 家评价{finding.departmentId ? ` · ${store.departmentName(finding.departmentId)}` : ' · 未指定部门'}
      </View>
      {problem ? (
        <View
          className='hint tap-line'
          id={`survey-finding-problem-${finding.itemId}`}
          {...tappable(() => void Taro.navigateTo({ url: problemLink(problem.problemId) }))}
        >
          已转为诉求 {problem.problemNumber}（{store.departmentName(problem.departmentId)}办理）›
        </View>
      ) : (
        admin && (
          <View style={{ display: 'flex', alignItems: 'center', gap: '8px', marginTop: '8px' }}>
            <Picker
              mode='selector'
              range={store.departments.map((d) => d.name)}
              value={Math.max(0, store.departments.findIndex((d) => d.id === department))}
              onChange={(e) => store.choose(finding.itemId, store.departments[Number(e.detail.value)].id)}
            >
              <View className='chip' id={`survey-finding-department-${finding.itemId}`} {...tappable()}>
                {department ? store.departmentName(department) : '选择责任部门'} ▾
              </View>
            </Picker>
            <Button
              id={`survey-finding-convert-${finding.itemId}`}
              size='small'
              type='primary'
              disabled={!department}
              loading={store.converting === finding.itemId}
              onClick={() => department && void store.toProblem(finding.itemId, department)}
            >
              转为诉求
            </Button>
          </View>
        )
      )}
    </View>
  )
})

/**
 * 问卷结果 (`?id=`): charts of the aspects, departments and levels; findings (items at or below the survey's line),
 * which an administrator turns into problems; every item's figures and the opinions without names; for
 * administrators who has not answered yet, and the .xlsx. A department's handler sees its own score and findings.
 */
function SurveyResultsPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new SurveyResultsStore(api))
  const id = routeId()
  const admin = session.hasRole('admin')
  const allowed = admin || session.hasRole('leader') || session.hasRole('handler')

  useEffect(() => {
    if (allowed && id) void store.load(id)
    if (admin) void store.loadDepartments()
  }, [allowed, admin, id, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='问卷结果仅限管理员、区领导和部门经办人查看' /></Page>

  const data = store.data
  return (
    <Page>
      <ErrorNotice error={store.error} id='survey-results-error' onRetry={() => void store.load(id)} retrying={store.loading} />
      {store.loading && !data && <View className='hint'>正在加载…</View>}
      {data && (
        <>
          <View className='section'>
            <View className='section-title' id='survey-results-title'>
              {data.survey.title}
            </View>
            <View className='hint' id='survey-results-count'>
              已答 {data.responseCount} 家{data.audienceSize !== null ? ` / 应答 ${data.audienceSize} 家` : ''} · 问题线 {data.threshold} 分
            </View>
            {(session.hasRole('admin') || session.hasRole('leader')) && (
              <Button id='survey-results-export' size='small' fill='outline' loading={store.exporting} onClick={() => void store.exportXlsx()}>
                导出 Excel
              </Button>
            )}
            {store.exported && <View className='hint'>已下载 {store.exported}</View>}
          </View>
          <View className='section'>
            <F2Chart id='survey-chart-aspects' spec={aspectChart(data)} height={Math.max(160, data.sections.length * 32 + 40)} />
            <F2Chart id='survey-chart-levels' spec={levelChart(data)} />
            {data.departments.length > 0 && (
              <F2Chart id='survey-chart-departments' spec={departmentChart(data, data.departmentNames)} height={Math.max(120, data.departments.length * 32 + 40)} />
            )}
          </View>
          <View className='section'>
            <View className='section-title'>问题项（平均分不高于 {data.threshold} 分）</View>
            {data.findings.length === 0 && <EmptyState description='暂无问题项' />}
            {data.findings.map((finding) => (
              <FindingRow key={finding.itemId} finding={finding} store={store} admin={admin} />
            ))}
          </View>
          {data.notAnswered && (
            <View className='section' id='survey-not-answered'>
              <View className='section-title'>
                {data.notAnswered.length ? `尚未填写（${data.notAnswered.length} 家，请提醒）` : '调查对象已全部填写'}
              </View>
              {data.notAnswered.length > 0 && data.survey.phase === 'open' && (
                <Button id='survey-remind' size='small' fill='outline' loading={store.reminding} onClick={() => void store.remind()}>
                  提醒未填写
                </Button>
              )}
              <View className='hint' id='survey-last-reminder'>
                {data.lastReminder ? `上次提醒：${momentText(data.lastReminder.sentAt)}，发出 ${data.lastReminder.recipients} 条` : '尚未提醒'}
                {store.reminded === 0 ? '（今天都已提醒过，未重复发送）' : ''}
              </View>
              {data.notAnswered.map((holder) => (
                <View key={holder.holderId} className='problem-card-meta' id={`survey-not-answered-${holder.holderId}`}>
                  {holder.name} · {holder.contactName} {holder.contactPhone}
                </View>
              ))}
            </View>
          )}
          <View className='section'>
            <View className='section-title'>各题情况</View>
            {data.items.map((item) => (
              <View key={item.itemId} className='rating-item' id={`survey-result-${item.itemId}`}>
                <View className='detail-text'>{item.text}</View>
                {item.rating && (
                  <View className='problem-card-meta'>
                    平均 {item.rating.average ?? '—'} 分 · {RATING_LEVELS.map((level) => `${RATING_LEVEL_LABELS[level]} ${item.rating!.distribution[level]}`).join(' / ')}
                  </View>
                )}
                {item.options && <View className='problem-card-meta'>{item.options.map((o) => `${o.option} ${o.count}`).join(' / ')}</View>}
                {item.texts?.map((text, i) => (
                  <Text key={i} className='detail-text'>
                    “{text}”
                  </Text>
                ))}
              </View>
            ))}
          </View>
        </>
      )}
    </Page>
  )
}

export default observer(SurveyResultsPage)
