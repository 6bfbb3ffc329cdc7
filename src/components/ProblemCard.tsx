import { Tag } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { tappable } from '@/components/tappable'
import type { ProblemView } from '@/core/problem/problem.schema'
import { CATEGORY_LABELS, deadlineText, PROBLEM_TAG, STATUS_LABELS } from '@/utils/problem-labels'
import { dayLabel } from '@/utils/time'
import { shanghaiDate } from '@/core/calendar/shanghai-time'
import { problemLink } from '@/utils/links'

export function openProblem(id: string): void {
  void Taro.navigateTo({ url: problemLink(id) })
}

/**
 * One problem in a list: `problem-<id>` (tap → detail), its status tag `problem-status-<id>`, category, title, the next
 * deadline (签收/办结期限 MM-DD, 已超期 in red), and the holder's name where the viewer is not the holder.
 */
export function ProblemCard({ problem, showHolder = false }: { problem: ProblemView; showHolder?: boolean }) {
  const deadline = problem.nextDeadline
  return (
    <View className='problem-card' id={`problem-${problem.id}`} {...tappable(() => openProblem(problem.id))}>
      <View className='problem-card-head'>
        <Text className='problem-card-title'>{problem.title}</Text>
        <View id={`problem-status-${problem.id}`}>
          <Tag type={PROBLEM_TAG[problem.status] ?? 'default'}>{STATUS_LABELS[problem.status]}</Tag>
        </View>
      </View>
      <View className='problem-card-meta'>
        <Text>
          {problem.number} · {CATEGORY_LABELS[problem.category]}
          {showHolder ? ` · ${problem.holderName}` : ''} · {dayLabel(shanghaiDate(problem.createdAt))}
        </Text>
      </View>
      {(deadline || problem.escalated || problem.overdue) && (
        <View className='problem-card-meta'>
          {deadline && (
            <Text className={deadline.overdue ? 'deadline-overdue' : ''} id={`problem-deadline-${problem.id}`}>
              {deadlineText(deadline)}
              {deadline.overdue ? ' 已超期' : ''}
            </Text>
          )}
          {!deadline?.overdue && problem.overdue && <Text className='deadline-overdue'> 已超期</Text>}
          {problem.escalated && <Text className='badge-escalated'> 已专报</Text>}
        </View>
      )}
    </View>
  )
}
