import type { SyncFlag, SyncKind } from './sync.schema'

/** What each queued action was, as the staff did it at the station. */
export const SYNC_KIND_LABELS: Record<SyncKind, string> = {
  'bookings.checkIn': '现场签到',
  'bookings.markNoShow': '标记未到场',
  'problems.submit': '代为登记诉求',
  'problems.answer': '当场答复诉求',
  'problems.defer': '诉求延期办理',
}

const FLAG_TITLES: Record<SyncFlag, string> = {
  OFFLINE_REVOKED: '服务卡已注销或暂停，离线时仍被办理',
  OFFLINE_REPLAYED: '同一个二维码在两台设备上被使用',
}

export interface SyncFlagSummary {
  title: string
  /** Recorded despite the flag (to be checked), or refused and not recorded (to be redone). */
  recorded: boolean
  /** What happens now, for the reviewer. */
  advice: string
}

/**
 * A flagged or refused offline action in plain words. The stored message (Chinese, from the error table) says why; the
 * summary says whether it counted and what the reviewer should do about it.
 */
export function syncFlagSummary(flag: { ok: boolean; code?: string }): SyncFlagSummary {
  if (flag.ok) {
    const title = FLAG_TITLES[flag.code as SyncFlag] ?? '离线办理已记录，需要核实'
    return { title, recorded: true, advice: '已按离线时的情况记录，请核实办理是否属实，必要时联系持卡人和经办人员。' }
  }
  return { title: '同步时被拒绝，未记录', recorded: false, advice: '这项离线操作没有生效，请联系经办人员核实，需要时重新办理。' }
}
