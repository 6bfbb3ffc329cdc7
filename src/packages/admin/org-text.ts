import { shanghaiDate, type InstantInput } from '@/core/calendar/shanghai-time'
import type { InvitationView } from '@/core/org/org.schema'
import { shanghaiClock } from '@/utils/time'

/** '2026-12-03 14:05' in Asia/Shanghai. */
export function dateTimeText(at: InstantInput): string {
  return `${shanghaiDate(at)} ${shanghaiClock(at)}`
}

export const INVITATION_STATUS_LABELS: Record<InvitationView['status'], string> = {
  open: '待接受',
  redeemed: '已接受',
  expired: '已过期',
  revoked: '已撤销',
}

export const INVITATION_STATUS_TAG: Record<InvitationView['status'], 'primary' | 'success' | 'default' | 'danger'> = {
  open: 'primary',
  redeemed: 'success',
  expired: 'default',
  revoked: 'danger',
}
