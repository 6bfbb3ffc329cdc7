import { ROLE_LABELS, type Role } from '@/core/auth/roles'

export function rolesText(roles: readonly Role[]): string {
  return roles.length ? roles.map((role) => ROLE_LABELS[role]).join('、') : '访客（未绑定服务卡）'
}

/** Tag colours per card status (NutUI Tag `type`). */
export const STATUS_TAG: Record<string, 'success' | 'warning' | 'danger' | 'default'> = {
  active: 'success',
  pending: 'default',
  suspended: 'warning',
  revoked: 'danger',
}

/** Tag colours per booking / home-visit status. */
export const BOOKING_TAG: Record<string, 'success' | 'warning' | 'danger' | 'default' | 'primary'> = {
  confirmed: 'primary',
  checked_in: 'success',
  cancelled: 'default',
  no_show: 'warning',
  requested: 'warning',
  scheduled: 'primary',
  done: 'success',
}
