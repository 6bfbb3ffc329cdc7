import { Tag } from '@nutui/nutui-react-taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import type { CalendarDay } from '@/core/org/org.schema'
import { useStores } from '@/stores'
import { CALENDAR_SOURCE_LABELS, CalendarStore } from '@/stores/calendar.store'
import { dayLabel, momentText } from '@/utils/time'
import '../../org.scss'

const Day = observer(function Day({ store, day }: { store: CalendarStore; day: CalendarDay }) {
  return (
    <View className='calendar-day' id={`calendar-day-${day.date}`}>
      <View className='calendar-day-date'>
        <View>{dayLabel(day.date)}</View>
        {day.name && <View className='hint'>{day.name}</View>}
      </View>
      <View
        id={`calendar-toggle-${day.date}`}
        className={`chip ${day.off ? 'calendar-off' : 'calendar-work'}`}
        {...tappable(() => store.toggle(day.date))}
      >
        {day.off ? '休' : '班'}
      </View>
      <Button id={`calendar-remove-${day.date}`} size='small' fill='none' onClick={() => store.remove(day.date)}>
        删除
      </Button>
    </View>
  )
})

/**
 * 节假日安排: the days off and 调休 working days of this year and the next, as the district confirms them from the
 * State Council notice. Deadlines, send-back windows, fixed service days and reports count working days with them.
 */
function CalendarPage() {
  const { session, api } = useStores()
  const [store] = useState(() => new CalendarStore(api))
  const [typed, setTyped] = useState('')
  const allowed = session.hasRole('admin')

  // Once: coming back to the page keeps the unsaved edits.
  useEffect(() => {
    if (allowed && !store.loaded && !store.loading) void store.load()
  }, [allowed, store])

  if (!session.user) return <Page>{session.ready ? <SignInHint /> : null}</Page>
  if (!allowed) return <Page><SignInHint text='节假日安排仅限管理员使用' /></Page>

  const calendar = store.calendar
  const add = (date: string) => {
    if (store.addDate(date)) setTyped('')
  }
  return (
    <Page>
      <View className='section'>
        <View className='btn-wrap'>
          {store.years.map((year) => (
            <View key={year} id={`calendar-year-${year}`} className={`chip ${store.year === year ? 'chip-active' : ''}`} {...tappable(() => void store.setYear(year), { pressed: store.year === year })}>
              {year}年
            </View>
          ))}
        </View>
        <View className='hint' id='calendar-hint' style={{ marginTop: '8px' }}>
          国务院办公厅每年11月前后发布下一年的节假日安排通知，发布后请对照通知核对本页并「确认并保存」。
        </View>
      </View>

      <View className='section' id='calendar-days'>
        <View className='org-item-head'>
          <View className='section-title'>{store.year}年调整日</View>
          {calendar && (
            <Tag type={calendar.source === 'district' ? 'success' : calendar.source === 'none' ? 'danger' : 'warning'}>
              <Text id='calendar-source'>{CALENDAR_SOURCE_LABELS[calendar.source]}</Text>
            </Tag>
          )}
        </View>
        {calendar?.confirmed && calendar.confirmedAt && (
          <View className='hint' id='calendar-confirmed'>
            {calendar.confirmedByName ?? '管理员'} 于 {momentText(calendar.confirmedAt)} 确认
          </View>
        )}
        <ErrorNotice error={store.error} id='calendar-load-error' onRetry={() => void store.load()} retrying={store.loading} />
        {store.loading && <View className='hint'>正在加载…</View>}
        {!store.loading && calendar && store.days.length === 0 && <EmptyState description='没有调整日：周一至周五上班，周六、周日休息' />}
        <View className='hint' style={{ margin: '4px 0' }}>
          「休」为放假日，「班」为周末调休上班日；点按切换。共 {store.offCount} 天放假，{store.days.length - store.offCount} 天调休上班。
        </View>
        {store.days.map((day) => (
          <Day key={day.date} store={store} day={day} />
        ))}
      </View>

      <View className='section' id='calendar-add-form'>
        <View className='section-title'>添加日期</View>
        <View className='btn-wrap' style={{ alignItems: 'center' }}>
          <Picker mode='date' value={`${store.year}-01-01`} start={`${store.year}-01-01`} end={`${store.year}-12-31`} onChange={(e) => add(String(e.detail.value))}>
            <View id='calendar-add-picker' className='chip' {...tappable()}>
              ＋ 选择日期
            </View>
          </Picker>
          <Text className='hint'>或输入</Text>
          <Input
            id='calendar-add-date'
            className='field-input'
            style={{ width: '140px' }}
            placeholder={`${store.year}-10-01`}
            maxlength={10}
            value={typed}
            onInput={(e) => setTyped(e.detail.value)}
          />
          <Button id='calendar-add' size='small' onClick={() => add(typed)}>
            添加
          </Button>
        </View>
        <View className='hint'>工作日添加为「休」，周六、周日添加为「班」，可再点按切换。</View>
        {store.addError && (
          <View className='field-error' id='calendar-add-error'>
            {store.addError}
          </View>
        )}
      </View>

      <View className='section'>
        {store.saveError && (
          <View className='error-text' id='calendar-error'>
            {store.saveError}
          </View>
        )}
        {store.saved && (
          <View className='ok-text' id='calendar-saved'>
            已确认{store.year}年节假日安排
          </View>
        )}
        <Button
          id='calendar-save'
          type='primary'
          block
          loading={store.saving}
          disabled={store.saving || store.loading || !calendar}
          onClick={() => void store.save()}
        >
          确认并保存{store.dirty ? '（有未保存的修改）' : ''}
        </Button>
      </View>
    </Page>
  )
}

export default observer(CalendarPage)
