import { ScrollView, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { FIGURE_LABELS, formatRate, monthLabel, type MonthlyFigures } from '@/core/report/report.figures'
import type { AnnualReportView, MonthlyReportView } from '@/core/report/report.schema'
import type { SurveyScore } from '@/core/report/report.survey-score'
import { useStores } from '@/stores'
import { ReportStore } from '@/stores/report.store'
import './index.scss'

type Key = keyof MonthlyFigures
const RATES: readonly Key[] = ['onTimeResolutionRate', 'timelySignRate', 'satisfactionRate']
/** Columns of the monthly table (the .xlsx has them all). */
const COLUMNS: readonly Key[] = [
  'received',
  'answeredOnSpot',
  'resolved',
  'onTimeResolutionRate',
  'timelySignRate',
  'overdue',
  'escalated',
  'satisfactionRate',
  'badRatings',
  'badRectified',
]
/** What the annual view can show month by month. */
const ANNUAL_METRICS: readonly Key[] = ['received', 'onTimeResolutionRate', 'timelySignRate', 'satisfactionRate', 'overdue', 'badRatings']

const cell = (figures: MonthlyFigures | null, key: Key) => (figures === null ? '—' : RATES.includes(key) ? formatRate(figures[key] as number | null) : String(figures[key]))

/**
 * 问卷评分: the average a department's items got in the surveys that closed in the period (企业评判部门), '—' without
 * one; the column is there only when some department has a score.
 */
const surveyScoreText = (score: SurveyScore | undefined) => (score?.average != null ? score.average.toFixed(2) : '—')

function Chip(props: { id: string; active: boolean; onClick: () => void; children: string }) {
  return (
    <View id={props.id} className={`chip chip-small ${props.active ? 'chip-active' : ''}`} {...tappable(props.onClick, { pressed: props.active })}>
      {props.children}
    </View>
  )
}

function MonthlyTable(props: { report: MonthlyReportView }) {
  const { report } = props
  const surveyed = report.departments.some((d) => d.surveyScore)
  return (
    <ScrollView scrollX className='report-scroll'>
      <View className='report-table' id='report-table'>
        <View className='report-row report-row-head'>
          <Text className='report-cell report-cell-name'>部门</Text>
          {COLUMNS.map((key) => (
            <Text key={key} className='report-cell'>
              {FIGURE_LABELS[key]}
            </Text>
          ))}
          {surveyed && <Text className='report-cell'>问卷评分</Text>}
        </View>
        {report.departments.map((department) => (
          <View key={department.departmentId} className='report-row' id={`report-dept-${department.departmentId}`}>
            <Text className='report-cell report-cell-name'>{department.name}</Text>
            {COLUMNS.map((key) => (
              <Text key={key} className={`report-cell ${key === 'overdue' && department.figures.overdue > 0 ? 'report-cell-alarm' : ''}`}>
                {cell(department.figures, key)}
              </Text>
            ))}
            {surveyed && (
              <Text className='report-cell' id={`report-survey-${department.departmentId}`}>
                {surveyScoreText(department.surveyScore)}
              </Text>
            )}
          </View>
        ))}
        <View className='report-row report-row-total' id='report-total'>
          <Text className='report-cell report-cell-name'>全区合计</Text>
          {COLUMNS.map((key) => (
            <Text key={key} className='report-cell'>
              {cell(report.total, key)}
            </Text>
          ))}
          {surveyed && <Text className='report-cell' />}
        </View>
      </View>
    </ScrollView>
  )
}

function AnnualTable(props: { report: AnnualReportView; metric: Key }) {
  const { report, metric } = props
  const surveyed = report.departments.some((d) => d.surveyScore)
  const months = report.departments[0]?.months.map((m) => m.month) ?? Array.from({ length: 12 }, (_, i) => `${report.year}-${String(i + 1).padStart(2, '0')}`)
  return (
    <ScrollView scrollX className='report-scroll'>
      <View className='report-table' id='annual-table'>
        <View className='report-row report-row-head'>
          <Text className='report-cell report-cell-name'>部门</Text>
          {months.map((month) => (
            <Text key={month} className='report-cell report-cell-month'>
              {Number(month.slice(5))}月
            </Text>
          ))}
          <Text className='report-cell'>全年</Text>
          {surveyed && <Text className='report-cell'>问卷评分</Text>}
        </View>
        {report.departments.map((department) => (
          <View key={department.departmentId} className='report-row' id={`annual-dept-${department.departmentId}`}>
            <Text className='report-cell report-cell-name'>{department.name}</Text>
            {department.months.map((month) => (
              <Text key={month.month} className='report-cell report-cell-month'>
                {cell(month.figures, metric)}
              </Text>
            ))}
            <Text className='report-cell report-cell-strong'>{cell(department.total, metric)}</Text>
            {surveyed && (
              <Text className='report-cell' id={`annual-survey-${department.departmentId}`}>
                {surveyScoreText(department.surveyScore)}
              </Text>
            )}
          </View>
        ))}
        <View className='report-row report-row-total' id='annual-total'>
          <Text className='report-cell report-cell-name'>全区合计</Text>
          {months.map((month) => (
            <Text key={month} className='report-cell report-cell-month' />
          ))}
          <Text className='report-cell report-cell-strong'>{cell(report.total, metric)}</Text>
          {surveyed && <Text className='report-cell' />}
        </View>
      </View>
    </ScrollView>
  )
}

/**
 * 月度报表 (leaders and admins): the frozen report of a month per department with the district total, 下载 Excel, and
 * the annual view (twelve months per department, for the appraisal). Ids: report-tab-monthly, report-annual (tab),
 * report-prev, report-period, report-next, report-dept-<departmentId>, report-total, report-not-ready, report-export,
 * report-export-result, report-export-error, annual-metric-<key>, annual-dept-<departmentId>, annual-total.
 */
function ReportPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new ReportStore(api))
  const [metric, setMetric] = useState<Key>('received')
  const allowed = session.hasRole('leader') || session.hasRole('admin')

  useEffect(() => {
    if (allowed) void store.load()
  }, [allowed, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='月度报表仅限区领导和管理员查看' /></Page>

  const monthly = store.tab === 'monthly'
  const period = monthly ? monthLabel(store.month) : `${store.year}年`

  return (
    <Page>
      <View className='tabs btn-wrap'>
        <Chip id='report-tab-monthly' active={monthly} onClick={() => void store.setTab('monthly')}>
          月度报表
        </Chip>
        <Chip id='report-annual' active={!monthly} onClick={() => void store.setTab('annual')}>
          年度汇总
        </Chip>
      </View>

      <View className='section report-picker'>
        <Button id='report-prev' size='small' onClick={() => void store.step(-1)}>
          ‹ {monthly ? '上月' : '上一年'}
        </Button>
        <Text className='report-period' id='report-period'>
          {period}
        </Text>
        <Button id='report-next' size='small' disabled={!store.canGoNext} onClick={() => void store.step(1)}>
          {monthly ? '下月' : '下一年'} ›
        </Button>
      </View>

      {store.loading && <View className='hint'>正在加载…</View>}
      {store.notReady ? (
        <View className='section report-not-ready' id='report-not-ready'>
          <View className='section-title'>{period}月报尚未生成</View>
          <View className='hint'>月报于每月1日生成上月数据，生成后即可查看和下载。</View>
        </View>
      ) : (
        store.error && (
          <ErrorNotice error={store.error} id='report-error' onRetry={() => void store.load()} retrying={store.loading} />
        )
      )}

      {monthly && store.monthly && !store.error && (
        <View className='section'>
          <View className='section-title'>{monthLabel(store.monthly.month)}各部门诉求办理情况</View>
          <MonthlyTable report={store.monthly} />
          <View className='hint report-note'>按时办结率、及时签收率、满意率按全区合计数重新计算，不是各部门比率的平均。</View>
          <View style={{ marginTop: '12px' }}>
            <Button id='report-export' type='primary' block loading={store.exporting} onClick={() => void store.exportXlsx()}>
              下载 Excel
            </Button>
          </View>
          {store.exported && (
            <View className='hint' id='report-export-result'>
              已下载：{store.exported}
            </View>
          )}
          {store.exportError && (
            <ErrorNotice error={store.exportError} id='report-export-error' />
          )}
        </View>
      )}

      {!monthly && store.annual && !store.error && (
        <View className='section' id='report-annual-view'>
          <View className='section-title'>{store.annual.year}年各部门逐月情况</View>
          <View className='btn-wrap'>
            {ANNUAL_METRICS.map((key) => (
              <Chip key={key} id={`annual-metric-${key}`} active={metric === key} onClick={() => setMetric(key)}>
                {FIGURE_LABELS[key]}
              </Chip>
            ))}
          </View>
          {store.annual.departments.length === 0 ? (
            <View className='hint' id='annual-empty'>
              该年度尚无已生成的月报
            </View>
          ) : (
            <AnnualTable report={store.annual} metric={metric} />
          )}
          <View className='hint report-note'>“—”表示该月月报尚未生成；全年比率按全年合计数计算。</View>
        </View>
      )}
    </Page>
  )
}

export default observer(ReportPage)
