/**
 * Kinds and statuses of sessions, apart from the schemas so the main package can show labels without loading zod.
 * `station` is the regular 流动服务站 day; the others are themed ad-hoc sessions.
 */
/** The kinds stations.createSession schedules; a `forum` (政企座谈会, one list of seats) is made by forums.create. */
export const SESSION_KINDS = ['station', 'finance', 'expert', 'roadshow'] as const
export type SessionKind = (typeof SESSION_KINDS)[number] | 'forum'

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  station: '流动服务站',
  finance: '政银企保对接',
  expert: '专家诊断',
  roadshow: '路演',
  forum: '政企座谈会',
}

export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = { scheduled: '已安排', cancelled: '已取消' }
