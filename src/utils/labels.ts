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

/**
 * Session kind labels for the main package. The core's SESSION_KIND_LABELS lives beside the zod schemas
 * (station.schema.ts); importing it would pull zod into the main package. A ui test checks both stay equal.
 */
export const KIND_LABELS = {
  station: '流动服务站',
  finance: '政银企保对接',
  expert: '专家诊断',
  roadshow: '路演',
} as const satisfies Record<import('@/core/station/station.schema').SessionKind, string>

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
