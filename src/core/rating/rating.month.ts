import { shanghaiDate, type InstantInput } from '../calendar/shanghai-time'

/**
 * The month a rating counts in: the Asia/Shanghai calendar month of its submission, 'YYYY-MM'. A rating submitted on
 * 1 October at 07:00 Beijing time (still 30 September in UTC) counts in October, as the holder and the department see it.
 */
export type Month = string

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A real month 'YYYY-MM' (01–12); '2026-13' and '2026-1' are not. */
export function isMonth(value: string): boolean {
  return MONTH_RE.test(value)
}

export function ratingMonth(submittedAt: InstantInput): Month {
  return shanghaiDate(submittedAt).slice(0, 7)
}
