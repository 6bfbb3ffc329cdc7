import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { tappable } from '@/components/tappable'
import type { ChecklistItem } from '@/core/org/org.labels'
import { useStores } from '@/stores'
import './OrgOverview.scss'

/** Where each item of the administrator's first-run checklist is done. */
export const CHECKLIST_PAGES: Record<ChecklistItem, string> = {
  district: '/packages/admin/pages/org/index',
  departments: '/packages/admin/pages/departments/index',
  stations: '/packages/admin/pages/stations/index',
  people: '/packages/admin/pages/people/index',
  calendar: '/packages/admin/pages/calendar/index',
}

function go(url: string) {
  void Taro.navigateTo({ url })
}

/**
 * The home page's notices of `org.overview`: the holiday-calendar warnings (administrators and leaders) and the
 * administrator's first-run checklist, each item a link to its page. Nothing while there is nothing to say.
 */
export const OrgOverview = observer(function OrgOverview() {
  const { session, orgOverview } = useStores()
  const isAdmin = session.hasRole('admin')
  if (!isAdmin && !session.hasRole('leader')) return null
  const { checklist, calendarWarnings } = orgOverview
  const done = checklist.filter((entry) => entry.done).length
  return (
    <View>
      {calendarWarnings.length > 0 && (
        <View className='section notice-warning' id='calendar-warning'>
          <View className='section-title'>节假日安排待确认</View>
          {calendarWarnings.map((warning) => (
            <View className='notice-line' key={`${warning.year}-${warning.kind}`} id={`calendar-warning-${warning.year}`}>
              {warning.message}
            </View>
          ))}
          {isAdmin ? (
            <View className='notice-link tap-line' id='calendar-warning-open' {...tappable(() => go(CHECKLIST_PAGES.calendar))}>
              去确认节假日安排 ›
            </View>
          ) : (
            <View className='hint'>请提醒管理员按国务院办公厅通知确认节假日安排。</View>
          )}
        </View>
      )}
      {isAdmin && checklist.length > 0 && !orgOverview.checklistDone && (
        <View className='section' id='admin-checklist'>
          <View className='section-title'>
            开通准备 <Text className='hint'>（已完成 {done}/{checklist.length}）</Text>
          </View>
          {checklist.map((entry) => (
            <View
              key={entry.item}
              id={`checklist-${entry.item}`}
              className={`checklist-item ${entry.done ? 'checklist-done' : ''}`}
              {...tappable(() => go(CHECKLIST_PAGES[entry.item]))}
            >
              <Text className='checklist-mark' id={`checklist-${entry.item}-mark`}>
                {entry.done ? '✓' : '○'}
              </Text>
              <Text className='checklist-label'>{entry.label}</Text>
              <Text className='hint'>{entry.done ? '已完成' : '去设置 ›'}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
})
