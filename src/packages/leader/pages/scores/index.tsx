import { Picker, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { EmptyState } from '@/components/EmptyState'
import { SignInHint } from '@/components/SignInHint'
import { tappable } from '@/components/tappable'
import type { ScoreSummary } from '@/core/rating/rating.scores'
import { useStores } from '@/stores'
import { averageText, monthLabel, rateText, ScoresStore } from '@/stores/scores.store'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <Text>
      {label}
      <Text className='score-figure-value' id={id}>
        {value}
      </Text>
    </Text>
  )
}

/**
 * The figures of one department or staff member (ids `<prefix>-<figure>-<key>`): averages per dimension, 满意率,
 * 差评数, and 按时整改 as 'on time / bad'.
 */
function ScoreFigures({ prefix, id, summary }: { prefix: string; id: string; summary: ScoreSummary }) {
  return (
    <View className='score-figures'>
      <Figure id={`${prefix}-count-${id}`} label='评价数' value={String(summary.count)} />
      <Figure id={`${prefix}-attitude-${id}`} label='服务态度' value={averageText(summary.attitude)} />
      <Figure id={`${prefix}-quality-${id}`} label='办理质量' value={averageText(summary.quality)} />
      <Figure id={`${prefix}-effectiveness-${id}`} label='办理效果' value={averageText(summary.effectiveness)} />
      <Figure id={`${prefix}-rate-${id}`} label='满意率' value={rateText(summary.satisfactionRate)} />
      <Figure id={`${prefix}-bad-${id}`} label='差评数' value={String(summary.badCount)} />
      <Figure id={`${prefix}-ontime-${id}`} label='按时整改' value={`${summary.rectifiedOnTime}/${summary.badCount}`} />
    </View>
  )
}

/**
 * 评价统计 by month: per department (`score-dept-<departmentId>`) and per staff member (`score-staff-<staffId>`).
 * Leaders and admins see every department; a handler sees their own department. Month: `score-month-prev`,
 * `score-month-next`, the picker `score-month-picker`, shown in `score-month`.
 */
function ScoresPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new ScoresStore(api))
  const seesAll = session.hasRole('leader') || session.hasRole('admin')
  const allowed = seesAll || session.hasRole('handler')
  const ownDepartment = seesAll ? null : (session.user?.departmentId ?? null)

  useEffect(() => {
    if (!allowed) return
    store.setDepartment(ownDepartment)
    void store.load()
  }, [allowed, ownDepartment, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='评价统计仅限区领导、管理员和部门经办人查看' /></Page>

  const data = store.data
  return (
    <Page>
      <View className='section'>
        <View className='problem-card-head'>
          <View id='score-month-prev' className='chip chip-small' {...tappable(() => void store.shiftMonth(-1))}>
            上月
          </View>
          <Picker mode='date' fields='month' value={store.month} end={store.currentMonth} onChange={(e) => void store.setMonth(String(e.detail.value).slice(0, 7))}>
            <View className='section-title tap-line' id='score-month-picker' {...tappable(undefined, { label: `选择月份：${monthLabel(store.month)}` })}>
              <Text id='score-month'>{monthLabel(store.month)}</Text> ▾
            </View>
          </Picker>
          <View
            id='score-month-next'
            className={`chip chip-small ${store.canGoForward ? '' : 'slot-disabled'}`}
            {...tappable(() => void store.shiftMonth(1), { disabled: !store.canGoForward })}
          >
            下月
          </View>
        </View>
        <View className='hint'>只计首次评价；申诉核销的评价不计入。满意率：三项均为「满意」及以上的评价占比。</View>
      </View>
      {store.error && (
        <ErrorNotice error={store.error} id='scores-error' onRetry={() => void store.load()} retrying={store.loading} />
      )}
      {store.loading && !data && <View className='hint'>正在加载…</View>}
      {data && (
        <View className='section' id='scores-departments'>
          <View className='section-title'>按部门</View>
          {data.departments.length === 0 && <EmptyState description='本月没有评价' />}
          {data.departments.map((row) => (
            <View key={row.departmentId} className='rating-item' id={`score-dept-${row.departmentId}`}>
              <Text className='problem-card-title'>{row.name}</Text>
              <ScoreFigures prefix='score-dept' id={row.departmentId} summary={row} />
            </View>
          ))}
        </View>
      )}
      {data && (
        <View className='section' id='scores-staff'>
          <View className='section-title'>按工作人员</View>
          {store.staffRows.length === 0 && <View className='hint'>本月没有可归属到工作人员的评价</View>}
          {store.staffRows.map((row) => (
            <View key={row.staffId} className='rating-item' id={`score-staff-${row.staffId}`}>
              <Text className='problem-card-title'>{row.name}</Text>
              {row.departmentName && <Text className='hint'> · {row.departmentName}</Text>}
              <ScoreFigures prefix='score-staff' id={row.staffId} summary={row} />
            </View>
          ))}
        </View>
      )}
    </Page>
  )
}

export default observer(ScoresPage)
