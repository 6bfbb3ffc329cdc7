import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { observer } from 'mobx-react-lite'
import { useEffect, useState } from 'react'
import { Button } from '@/components/Button'
import { EmptyState } from '@/components/EmptyState'
import { ErrorNotice } from '@/components/ErrorNotice'
import { SignInHint } from '@/components/SignInHint'
import { Page } from '@/components/Page'
import { tappable } from '@/components/tappable'
import { POLICY_INDUSTRIES, POLICY_INDUSTRY_LABELS, POLICY_KIND_LABELS, POLICY_KINDS, POLICY_TOPICS, POLICY_TOPIC_LABELS, type PolicyTag } from '@/core/policy/policy.labels'
import { useStores } from '@/stores'
import { PolicyListStore, RecommendedStore } from '@/stores/policies.store'
import { PolicyCard } from '../../PolicyCard'

type Tab = 'recommended' | 'all'

const TAG_CHOICES: Array<{ tag: PolicyTag; label: string }> = [
  ...POLICY_INDUSTRIES.filter((key) => key !== 'other').map((key) => ({ tag: `industry:${key}` as PolicyTag, label: POLICY_INDUSTRY_LABELS[key] })),
  ...POLICY_TOPICS.filter((key) => key !== 'other').map((key) => ({ tag: `topic:${key}` as PolicyTag, label: POLICY_TOPIC_LABELS[key] })),
]

/**
 * 政策直通车: 为我推荐 (matching the enterprise's profile first, then the newest) and 全部政策 with a search by words
 * and filters by kind and tag. Ids: policy-tab-recommended / policy-tab-all, policy-search, policy-search-go,
 * policy-kind-<key> (policy-kind-all), policy-tag-<dimension>-<key> (policy-tag-all), cards policy-<id>,
 * policy-profile-link.
 */
function PolicyIndexPage() {
  const { session, api } = useStores()
  const [recommended] = useState(() => new RecommendedStore(api))
  const [list] = useState(() => new PolicyListStore(api))
  const [tab, setTab] = useState<Tab>('recommended')
  const [words, setWords] = useState('')
  const userId = session.user?.id ?? null

  useEffect(() => {
    if (!userId) return
    void recommended.load()
    void list.load()
  }, [userId, recommended, list])

  if (!session.user) return <Page>{session.ready ? <SignInHint text='请先登录后查看政策' /> : null}</Page>

  const holder = session.hasRole('holder')
  const chip = (id: string, label: string, active: boolean, onClick: () => void) => (
    <View key={id} id={id} className={`chip ${active ? 'chip-active' : ''}`} {...tappable(onClick, { pressed: active })}>
      {label}
    </View>
  )

  return (
    <Page>
      <View className='btn-wrap'>
        {chip('policy-tab-recommended', '为我推荐', tab === 'recommended', () => setTab('recommended'))}
        {chip('policy-tab-all', '全部政策', tab === 'all', () => setTab('all'))}
        {holder && (
          <View id='policy-profile-link' className='chip' {...tappable(() => void Taro.navigateTo({ url: '/packages/policy/pages/profile/index' }))}>
            企业画像
          </View>
        )}
      </View>

      {tab === 'recommended' && (
        <View id='policy-recommended'>
          {holder && recommended.loaded && recommended.profile && recommended.profile.industries.length + recommended.profile.topics.length === 0 && (
            <View className='hint' id='policy-profile-hint'>
              设置企业画像（所属行业、关注主题）后，与您相关的政策会排在前面并推送提醒。
            </View>
          )}
          {recommended.error && <ErrorNotice error={recommended.error} id='policy-recommended-error' onRetry={() => void recommended.load()} retrying={recommended.loading} />}
          {recommended.loading && !recommended.loaded && <View className='hint'>正在加载…</View>}
          {recommended.loaded && !recommended.error && recommended.items.length === 0 && <EmptyState description='暂无已发布的政策' />}
          {recommended.items.map((policy) => (
            <PolicyCard key={policy.id} policy={policy} prefix='policy-rec' />
          ))}
        </View>
      )}

      {tab === 'all' && (
        <View id='policy-all'>
          <View className='row'>
            <Input
              id='policy-search'
              className='field-input'
              value={words}
              placeholder='搜索政策标题、文号、正文，如“融资”'
              maxlength={50}
              confirmType='search'
              onInput={(e) => setWords(e.detail.value)}
              onConfirm={() => void list.setFilter('q', words)}
            />
            <Button id='policy-search-go' size='small' type='primary' onClick={() => void list.setFilter('q', words)}>
              搜索
            </Button>
          </View>
          <View className='filter-group btn-wrap'>
            {chip('policy-kind-all', '全部类别', !list.filters.kind, () => void list.setFilter('kind', undefined))}
            {POLICY_KINDS.map((kind) => chip(`policy-kind-${kind}`, POLICY_KIND_LABELS[kind], list.filters.kind === kind, () => void list.setFilter('kind', kind)))}
          </View>
          <View className='filter-group btn-wrap'>
            {chip('policy-tag-all', '全部标签', !list.filters.tag, () => void list.setFilter('tag', undefined))}
            {TAG_CHOICES.map(({ tag, label }) =>
              chip(`policy-tag-${tag.replace(':', '-')}`, label, list.filters.tag === tag, () => void list.setFilter('tag', list.filters.tag === tag ? undefined : tag)),
            )}
          </View>
          {list.error && <ErrorNotice error={list.error} id='policy-list-error' onRetry={() => void list.load()} retrying={list.loading} />}
          <View id='policy-list'>
            {list.loaded && !list.error && list.items.length === 0 && <EmptyState description={list.filters.q ? '没有找到相关政策，换个词试试' : '暂无政策'} />}
            {list.items.map((policy) => (
              <PolicyCard key={policy.id} policy={policy} />
            ))}
          </View>
          {list.hasMore && (
            <Button id='policy-more' block loading={list.loading} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}

export default observer(PolicyIndexPage)
