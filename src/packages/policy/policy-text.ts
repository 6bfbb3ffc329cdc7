import { HOLDER_TYPE_LABELS } from '@/core/card/qualification'
import { POLICY_INDUSTRY_LABELS, POLICY_TOPIC_LABELS } from '@/core/policy/policy.labels'
import type { PolicyView } from '@/core/policy/policy.schema'
import { dateText } from '@/utils/time'

/** How a policy's tags read: its industries, topics and card types, or nothing when it is for everybody. */
export function tagsOf(policy: Pick<PolicyView, 'industries' | 'topics' | 'cardTypes'>): string[] {
  return [
    ...policy.industries.map((key) => POLICY_INDUSTRY_LABELS[key]),
    ...policy.topics.map((key) => POLICY_TOPIC_LABELS[key]),
    ...policy.cardTypes.map((key) => HOLDER_TYPE_LABELS[key]),
  ]
}

/** 有效期: from – to, either side may be open. */
export function validity(policy: Pick<PolicyView, 'effectiveFrom' | 'effectiveTo'>): string | null {
  if (!policy.effectiveFrom && !policy.effectiveTo) return null
  return `${policy.effectiveFrom ? dateText(policy.effectiveFrom) : '发布之日'} 至 ${policy.effectiveTo ? dateText(policy.effectiveTo) : '长期'}`
}
