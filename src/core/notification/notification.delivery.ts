import { toInstant, type InstantInput } from '../calendar/shanghai-time'

/**
 * Delivery policy of the outbox (DESIGN.md §2 "Notifications"): every notification is stored first, then pushed as a
 * WeChat subscribe message when the user granted one, retried with backoff on transient errors, and always readable in
 * the in-app message center (消息中心). Pure: the sender passes the clock in and writes what these functions decide.
 *
 * Statuses of an outbox row:
 * - `pending`    stored, not yet pushed: waits for `not_before` (a reminder for tomorrow) and, after a transient error,
 *                for `next_attempt_at`. The only status the sender picks up.
 * - `sent`       WeChat accepted the push (`sent_at`). Final.
 * - `failed`     the push can never succeed (invalid data or template, unknown openid) or the retries ran out. Final;
 *                `last_error` says why. The message is still in the message center.
 * - `refused`    WeChat says the user refused or withdrew consent (43101) although we held a grant. Final; message
 *                center only.
 * - `inbox_only` no unused subscription grant (or no WeChat template configured) when it fell due: never pushed, so as
 *                not to waste a consent the user did not give. Final; visible in 消息中心 only.
 * - `cancelled`  withdrawn before it was pushed (the reminder of a booking cancelled since). Final; not shown at all.
 */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'refused', 'inbox_only', 'cancelled'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: '待推送',
  sent: '已推送',
  failed: '推送失败',
  refused: '用户拒收',
  inbox_only: '仅站内消息',
  cancelled: '已撤回',
}

export function isFinalStatus(status: DeliveryStatus): boolean {
  return status !== 'pending'
}

/**
 * Shown in the message center once due, whatever became of the push; a withdrawn message never shows, and neither does
 * a reminder before its time.
 */
export function isInboxVisible(row: { status: DeliveryStatus; notBefore: InstantInput }, now: InstantInput): boolean {
  return row.status !== 'cancelled' && toInstant(row.notBefore).getTime() <= toInstant(now).getTime()
}

/** A due pending message is pushed when WeChat can take it (a template id is configured) and the user granted one. */
export function routeDelivery(facts: { templateConfigured: boolean; hasGrant: boolean }): 'push' | 'inbox_only' {
  return facts.templateConfigured && facts.hasGrant ? 'push' : 'inbox_only'
}

/**
 * Waits between attempts, in minutes: after the 1st failed push 1 min, then 5 min, 30 min, 2 h, 6 h. Short first
 * waits ride out a blip; the long ones stop a broken WeChat from being hammered.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 360] as const
/** Pushes tried at most: the first one and one retry per delay. The next transient error makes the row `failed`. */
export const MAX_SEND_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1

export type NextAttempt = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed'; nextAttemptAt: null }

/**
 * After a transient error: when to try again, or give up. `attempts` counts the pushes tried so far, this one
 * included (≥ 1). Past the table the last delay repeats (the cap), which matters only with a larger `maxAttempts`.
 */
export function nextAttempt(attempts: number, now: InstantInput, maxAttempts: number = MAX_SEND_ATTEMPTS): NextAttempt {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a whole number ≥ 1, got ${attempts}`)
  if (attempts >= maxAttempts) return { status: 'failed', nextAttemptAt: null }
  const minutes = RETRY_DELAYS_MINUTES[Math.min(attempts, RETRY_DELAYS_MINUTES.length) - 1]
  return { status: 'pending', nextAttemptAt: new Date(toInstant(now).getTime() + minutes * 60_000) }
}

/** What a push's errcode means for the row. */
export type SendOutcome = 'sent' | 'retry' | 'refused' | 'failed'

/** The user refused, or withdrew consent: pushing again cannot help. */
const REFUSED = new Set([43101])

/**
 * Errors that no retry fixes (subscribeMessage.send's documented codes): 47003 template data invalid, 40003 openid
 * empty or wrong, 40037 template id wrong, 41030 page path not in the released mini program.
 */
const PERMANENT = new Set([47003, 40003, 40037, 41030])

/**
 * Classifies the errcode of subscribeMessage.send. 0 is success; a missing code (network error, timeout) and anything
 * unknown are retried (-1 system busy, 45009/45011 rate limits, 40001/42001 stale access token): retries are bounded,
 * while dropping a message on a passing error is not undone.
 */
export function classifySendError(errcode: number | string | null | undefined): SendOutcome {
  const code = typeof errcode === 'string' && /^-?\d+$/.test(errcode.trim()) ? Number(errcode) : errcode
  if (code === 0) return 'sent'
  if (typeof code !== 'number') return 'retry'
  if (REFUSED.has(code)) return 'refused'
  if (PERMANENT.has(code)) return 'failed'
  return 'retry'
}

export interface AttemptResult {
  status: DeliveryStatus
  attempts: number
  nextAttemptAt: Date | null
  sentAt: Date | null
}

/**
 * The row after one push: `attemptsBefore` pushes were tried before this one; `errcode` is WeChat's answer (0 for
 * success, null/undefined when no answer came).
 */
export function settleAttempt(errcode: number | string | null | undefined, attemptsBefore: number, now: InstantInput, maxAttempts: number = MAX_SEND_ATTEMPTS): AttemptResult {
  const attempts = attemptsBefore + 1
  const outcome = classifySendError(errcode)
  if (outcome === 'sent') return { status: 'sent', attempts, nextAttemptAt: null, sentAt: toInstant(now) }
  if (outcome === 'retry') return { ...nextAttempt(attempts, now, maxAttempts), attempts, sentAt: null }
  return { status: outcome, attempts, nextAttemptAt: null, sentAt: null }
}
