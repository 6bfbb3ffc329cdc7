import { wrongFormat } from '../common/field-messages'
import * as z from 'zod'
import '../common/zod'
import { isIsoDate, isWallTime, minutesOfDay } from './shanghai-time'

/** A real calendar date 'YYYY-MM-DD' (Asia/Shanghai). 2026-02-30 is refused, not rolled over. */
export const isoDate = z.string().trim().refine(isIsoDate, { error: wrongFormat('2026-12-08') })

/** A wall-clock time 'HH:mm' in Asia/Shanghai, 00:00–23:59. */
export const wallTime = z.string().trim().refine(isWallTime, { error: wrongFormat('09:30') })

/**
 * Checks shared by fixed days and sessions: the window ends after it starts and holds a whole number of slots, so that
 * no half-length slot is offered at the end.
 */
export function checkTimeWindow(
  value: { start: string; end: string; slotMinutes: number },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  if (!isWallTime(value.start) || !isWallTime(value.end)) return
  const length = minutesOfDay(value.end) - minutesOfDay(value.start)
  if (length <= 0) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间须晚于开始时间' })
  } else if (length % value.slotMinutes !== 0) {
    ctx.addIssue({ code: 'custom', path: ['slotMinutes'], message: `服务时间（${length}分钟）须是时段长度的整数倍` })
  }
}
