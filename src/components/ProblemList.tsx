import { View } from '@tarojs/components'
import { observer } from 'mobx-react-lite'
import { Button } from '@/components/Button'
import type { ProblemListStore } from '@/stores/problem-list.store'
import { ErrorNotice } from './ErrorNotice'
import { ProblemCard } from './ProblemCard'
import { EmptyState } from '@/components/EmptyState'

/** A keyset-paged problem list: cards, the error, 加载更多 (`<idPrefix>-more`) while a next page exists. */
export const ProblemList = observer(function ProblemList(props: {
  list: ProblemListStore
  empty?: string
  idPrefix?: string
  filter?: (holderId: string | null) => boolean
}) {
  const { list } = props
  const prefix = props.idPrefix ?? 'problems'
  const items = props.filter ? list.items.filter((item) => props.filter!(item.holderId)) : list.items
  return (
    <View id={`${prefix}-list`}>
      <ErrorNotice error={list.error} id={`${prefix}-error`} onRetry={() => void list.load()} retrying={list.loading} />
      {list.loading && !list.loaded && <View className='hint'>正在加载…</View>}
      {list.loaded && !list.error && items.length === 0 && !list.hasMore && <EmptyState description={props.empty ?? '暂无诉求'} />}
      {items.map((problem) => (
        <ProblemCard key={problem.id} problem={problem} showHolder />
      ))}
      {list.hasMore && (
        <View style={{ marginTop: '8px' }}>
          <Button id={`${prefix}-more`} block loading={list.loading} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        </View>
      )}
    </View>
  )
})
