import { fail, ok, type Result } from '../errors'
import type { PolicyStatus } from './policy.labels'

/**
 * The life of a policy: written as a draft (saved as often as needed), published once, withdrawn once with a reason.
 * A withdrawn policy is kept and marked: whoever opened it still reads it, with the reason; it is no longer listed or
 * recommended. Nothing is deleted.
 */
export type PolicyAction = 'save' | 'publish' | 'withdraw'

const NEXT: Record<PolicyAction, Partial<Record<PolicyStatus, PolicyStatus>>> = {
  save: { draft: 'draft' },
  publish: { draft: 'published' },
  withdraw: { published: 'withdrawn' },
}

const REFUSALS: Record<PolicyAction, string> = {
  save: '已发布或已撤回的政策不能再修改',
  publish: '只有草稿可以发布',
  withdraw: '只有已发布的政策可以撤回',
}

export function decidePolicy(action: PolicyAction, from: PolicyStatus): Result<PolicyStatus> {
  const next = NEXT[action][from]
  return next ? ok(next) : fail('INVALID_TRANSITION', REFUSALS[action])
}

/** What the caller may do with a policy in this state, given they may manage it at all. */
export function policyActions(status: PolicyStatus, manages: boolean): PolicyAction[] {
  if (!manages) return []
  return (Object.keys(NEXT) as PolicyAction[]).filter((action) => NEXT[action][status] !== undefined)
}

/** Who sees a policy: managers see every state; others see what was published, and a withdrawn one only if they opened it. */
export function policyVisible(status: PolicyStatus, viewer: { manages: boolean; opened: boolean }): boolean {
  if (viewer.manages) return true
  return status === 'published' || (status === 'withdrawn' && viewer.opened)
}
