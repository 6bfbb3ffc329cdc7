import { fail, ok, type Failure, type Result } from '../errors'

/**
 * A card is issued `pending` with a one-time activation code, becomes `active` when the holder's contact binds it,
 * can be suspended and reinstated, and is revoked for good.
 */
export const CARD_STATUSES = ['pending', 'active', 'suspended', 'revoked'] as const
export type CardStatus = (typeof CARD_STATUSES)[number]

export const CARD_ACTIONS = ['activate', 'suspend', 'reinstate', 'revoke'] as const
export type CardAction = (typeof CARD_ACTIONS)[number]

const NEXT: Record<CardAction, Partial<Record<CardStatus, CardStatus>>> = {
  activate: { pending: 'active' },
  suspend: { active: 'suspended' },
  reinstate: { suspended: 'active' },
  revoke: { pending: 'revoked', active: 'revoked', suspended: 'revoked' },
}

export function nextCardStatus(current: CardStatus, action: CardAction): Result<CardStatus> {
  if (current === 'revoked') return fail('CARD_REVOKED')
  const next = NEXT[action][current]
  if (!next) {
    if (action === 'activate' && current === 'suspended') return fail('CARD_SUSPENDED')
    return fail('INVALID_TRANSITION', `服务卡当前为「${CARD_STATUS_LABELS[current]}」，不能${CARD_ACTION_LABELS[action]}`)
  }
  return ok(next)
}

/** Whether a card in this status may be shown and verified at a station. */
export function cardUsable(status: CardStatus): Failure | null {
  if (status === 'active') return null
  if (status === 'suspended') return fail('CARD_SUSPENDED')
  if (status === 'revoked') return fail('CARD_REVOKED')
  return fail('CARD_NOT_ACTIVE')
}

export const CARD_STATUS_LABELS: Record<CardStatus, string> = {
  pending: '待激活',
  active: '正常',
  suspended: '已暂停',
  revoked: '已注销',
}

export const CARD_ACTION_LABELS: Record<CardAction, string> = {
  activate: '激活',
  suspend: '暂停',
  reinstate: '恢复',
  revoke: '注销',
}
