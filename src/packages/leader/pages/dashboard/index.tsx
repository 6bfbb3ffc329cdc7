import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useMemo, useState } from 'react'
import { Button } from '@/components/Button'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { SubscribePrompt } from '@/components/SubscribePrompt'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { FIGURE_LABELS, formatRate, type MonthlyFigures } from '@/core/report/report.figures'
import { useStores } from '@/stores'
import { DashboardStore } from '@/stores/dashboard.store'
import { dayLabel } from '@/utils/time'
import { categoryChart, rankingChart, trendChart } from '../../charts/chart-data'
import { F2Chart } from '../../charts/F2Chart'
import './index.scss'

/** The figures on the dashboard, in the order shown (keys of the core's MonthlyFigures). */
const DASHBOARD_FIGURES = [
  'received',
  'answeredOnSpot',
  'resolved',
  'overdue',
  'escalated',
  'onTimeResolutionRate',
  'timelySignRate',
  'satisfactionRate',
  'badRatings',
] as const satisfies readonly (keyof MonthlyFigures)[]

type FigureKey = (typeof DASHBOARD_FIGURES)[number]
const RATES: readonly FigureKey[] = ['onTimeResolutionRate', 'timelySignRate', 'satisfactionRate']
/** Figures a leader must not miss when they are not zero. */
const ALARMS: readonly FigureKey[] = ['overdue', 'escalated', 'badRatings']

const OVERDUE_LEDGER_URL = '/packages/leader/pages/ledger/index?overdue=1'

function figureText(figures: MonthlyFigures, key: FigureKey): string {
  return RATES.includes(key) ? formatRate(figures[key] as number | null) : String(figures[key])
}

function Tiles(props: { prefix: 'today' | 'month'; figures: MonthlyFigures }) {
  return (
    <View className='dash-tiles'>
      {DASHBOARD_FIGURES.map((key) => {
        const alarm = ALARMS.includes(key) && (props.figures[key] as number) > 0
        return (
          <View key={key} id={`dash-${props.prefix}-${key}`} className={`dash-tile ${alarm ? 'dash-tile-alarm' : ''}`}>
            <Text className='dash-tile-value'>{figureText(props.figures, key)}</Text>
            <Text className='dash-tile-label'>{FIGURE_LABELS[key]}</Text>
          </View>
        )
      })}
    </View>
  )
}

/**
 * 领导驾驶舱 (leaders and admins): today's and this month's figures as tiles (ids dash-today-<key>, dash-month-<key>),
 * the overdue ledger one tap away (dash-overdue-ledger), and three charts drawn with F2: the weekly trend (canvas
 * chart-trend), problems by category (chart-category) and the department ranking (chart-ranking).
 */
function DashboardPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new DashboardStore(api))
  const allowed = session.hasRole('leader') || session.hasRole('admin')

  useEffect(() => {
    if (allowed && !store.loaded && !store.loading) void store.load()
  }, [allowed, store])

  const view = store.view
  const trend = useMemo(() => trendChart(store.trend), [store.trend])
  const category = useMemo(() => categoryChart(view?.byCategory ?? []), [view])
  const ranking = useMemo(() => rankingChart(view?.departmentRanking ?? []), [view])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='领导驾驶舱仅限区领导和管理员查看' /></Page>

  const openOverdue = () => void Taro.navigateTo({ url: OVERDUE_LEDGER_URL })

  return (
    <Page>
      <View className='dash-head'>
        <Text className='page-title'>领导驾驶舱</Text>
        <Text className='hint tap-text' id='dash-refresh' {...tappable(() => void store.load())}>
          {dayLabel(store.ranges.today)} · {store.loading ? '正在刷新…' : '刷新'}
        </Text>
      </View>

      {store.error && (
        <ErrorNotice error={store.error} id='dash-error' onRetry={() => void store.load()} retrying={store.loading} />
      )}
      {store.loading && !view && <View className='hint'>正在加载…</View>}

      {view && (
        <View>
          <View className={`dash-alert ${view.period.overdue > 0 ? 'dash-alert-on' : ''}`} id='dash-overdue-ledger' {...tappable(openOverdue)}>
            <Text>{view.period.overdue > 0 ? `本月超期诉求 ${view.period.overdue} 件` : '本月暂无超期诉求'}</Text>
            <Text className='dash-alert-link'>超期台帐 ›</Text>
          </View>

          <View className='section'>
            <View className='section-title'>今日</View>
            <Tiles prefix='today' figures={view.today} />
          </View>
          <View className='section'>
            <View className='section-title'>本月（{store.monthTitle}）</View>
            <Tiles prefix='month' figures={view.period} />
          </View>

          <View className='section'>
            <F2Chart id='chart-trend' spec={trend} />
          </View>
          <View className='section'>
            <F2Chart id='chart-category' spec={category} />
          </View>
          <View className='section'>
            <F2Chart id='chart-ranking' spec={ranking} height={Math.max(160, ranking.data.length * 32 + 40)} />
          </View>
        </View>
      )}

      <View className='section'>
        <View className='btn-list'>
          <Button id='dash-report' block onClick={() => void Taro.navigateTo({ url: '/packages/leader/pages/report/index' })}>
            月度报表与年度考核
          </Button>
          <Button id='dash-ledger' block onClick={() => void Taro.navigateTo({ url: '/packages/leader/pages/ledger/index' })}>
            诉求台帐
          </Button>
        </View>
        <SubscribePrompt id='subscribe-leader' moment='leaderDashboard' text='开启微信提醒：诉求超期、特派员专报和月报生成时通知您。' />
      </View>
    </Page>
  )
}

export default observer(DashboardPage)
