import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ProblemCard } from '@/components/ProblemCard'
import { SignInHint } from '@/components/SignInHint'
import { useStores } from '@/stores'
import { useProblemsStore } from '@/stores/problems.store'
import { ErrorNotice } from '@/components/ErrorNotice'
import { Page } from '@/components/Page'

/** 我的诉求: the holder's problems with status, category and the next deadline; tap → detail. */
function ProblemsPage() {
  const { session } = useStores()
  const problems = useProblemsStore()
  const userId = session.user?.id ?? null

  useDidShow(() => {
    if (session.user && !problems.loading) void problems.load()
  })
  useEffect(() => {
    if (userId && !problems.loaded && !problems.loading) void problems.load()
  }, [userId, problems])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看诉求' /> : null}</Page>

  return (
    <Page>
      <View style={{ marginBottom: '12px' }}>
        <Button id='problems-new' type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/holder/pages/problems/submit' })}>
          提交诉求
        </Button>
      </View>
      {problems.error && (
        <ErrorNotice error={problems.error} id='problems-error' onRetry={() => void problems.load()} retrying={problems.loading} />
      )}
      <View id='problems-list'>
        {problems.loading && !problems.loaded && <View className='hint'>正在加载…</View>}
        {problems.loaded && !problems.error && problems.items.length === 0 && <EmptyState description='还没有提交过诉求' />}
        {problems.sorted.map((problem) => (
          <ProblemCard key={problem.id} problem={problem} />
        ))}
      </View>
    </Page>
  )
}

export default observer(ProblemsPage)
