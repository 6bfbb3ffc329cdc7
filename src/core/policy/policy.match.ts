import type { PolicyCardType, PolicyIndustry, PolicyTag, PolicyTopic } from './policy.labels'

/** Who a policy is for: empty lists mean every industry, topic or card type. */
export interface PolicyTargets {
  industries: readonly PolicyIndustry[]
  topics: readonly PolicyTopic[]
  cardTypes: readonly PolicyCardType[]
}

/** A holder as matching sees them: their card's type and the industries and topics of their profile. */
export interface HolderInterests {
  cardType: PolicyCardType
  industries: readonly PolicyIndustry[]
  topics: readonly PolicyTopic[]
}

const meets = <T>(wanted: readonly T[], offered: readonly T[]) => wanted.length === 0 || wanted.some((key) => offered.includes(key))

/**
 * Whether a policy is for this holder: their card type is among the policy's (or it names none), and so is one of
 * their industries and one of their topics. A holder who left a dimension of the profile empty matches only policies
 * that do not narrow it: we do not know their industry, so an industry's policy is not pushed to them.
 */
export function policyMatches(policy: PolicyTargets, holder: HolderInterests): boolean {
  return meets(policy.cardTypes, [holder.cardType]) && meets(policy.industries, holder.industries) && meets(policy.topics, holder.topics)
}

export interface Recommendable extends PolicyTargets {
  id: string
  publishedAt: Date | string
}

/**
 * 为我推荐: the policies matching the holder first, then the others, each group newest first (ties by id, so the order
 * is stable). Without a holder (no active card) it is the newest first.
 */
export function recommend<P extends Recommendable>(policies: readonly P[], holder: HolderInterests | null): Array<P & { matched: boolean }> {
  const time = (p: P) => new Date(p.publishedAt).getTime()
  return policies
    .map((p) => ({ ...p, matched: holder !== null && policyMatches(p, holder) }))
    .sort((a, b) => Number(b.matched) - Number(a.matched) || time(b) - time(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
}

/** Whether a policy carries a tag (an industry, topic or card type it names). */
export function policyHasTag(policy: PolicyTargets, tag: PolicyTag): boolean {
  const [dimension, key] = tag.split(':')
  const list: readonly string[] = dimension === 'industry' ? policy.industries : dimension === 'topic' ? policy.topics : policy.cardTypes
  return list.includes(key)
}
