import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { tappable } from '@/components/tappable'
import { POLICY_KIND_LABELS, POLICY_STATUS_LABELS } from '@/core/policy/policy.labels'
import type { PolicyView } from '@/core/policy/policy.schema'
import { dateText, dayText } from '@/utils/time'
import { tagsOf } from './policy-text'

/** One policy in a list (`<prefix>-<id>`): kind, title, issuer and date, its tags; tap → the detail page. */
export function PolicyCard({ policy, prefix = 'policy' }: { policy: PolicyView; prefix?: string }) {
  const open = () => void Taro.navigateTo({ url: `/packages/policy/pages/detail/index?id=${policy.id}` })
  return (
    <View className='problem-card' id={`${prefix}-${policy.id}`} {...tappable(open)}>
      <View className='problem-card-head'>
        <Text className='rating-tag'>{POLICY_KIND_LABELS[policy.kind]}</Text>
        {policy.matched && <Text className='badge' id={`${prefix}-matched-${policy.id}`}>为我推荐</Text>}
        {policy.status !== 'published' && <Text className='rating-tag'>{POLICY_STATUS_LABELS[policy.status]}</Text>}
      </View>
      <View className='problem-card-title'>{policy.title}</View>
      <View className='problem-card-meta'>
        {policy.issuer}
        {policy.publishedAt ? ` · ${dayText(policy.publishedAt)}` : ''}
        {policy.applyBy ? ` · 申报截止 ${dateText(policy.applyBy)}` : ''}
      </View>
      {tagsOf(policy).length > 0 && <View className='problem-card-meta'>{tagsOf(policy).join(' · ')}</View>}
    </View>
  )
}
