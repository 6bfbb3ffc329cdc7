import {
  classifySendError,
  DELIVERY_STATUS_LABELS,
  DELIVERY_STATUSES,
  isFinalStatus,
  isInboxVisible,
  MAX_SEND_ATTEMPTS,
  nextAttempt,
  RETRY_DELAYS_MINUTES,
  routeDelivery,
  settleAttempt,
} from './notification.delivery'

const now = new Date('2026-10-13T01:00:00Z')
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

describe('backoff', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 6 h after the 1st to 5th failed push', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => nextAttempt(attempts, now))).toEqual(
      [1, 5, 30, 120, 360].map((minutes) => ({ status: 'pending', nextAttemptAt: later(minutes) })),
    )
  })

  it('gives up after the last attempt', () => {
    expect(MAX_SEND_ATTEMPTS).toBe(6)
    expect(nextAttempt(6, now)).toEqual({ status: 'failed', nextAttemptAt: null })
    expect(nextAttempt(60, now)).toEqual({ status: 'failed', nextAttemptAt: null })
  })

  it('caps the wait at the last delay when more attempts are allowed', () => {
    expect(nextAttempt(8, now, 10)).toEqual({ status: 'pending', nextAttemptAt: later(360) })
    expect(nextAttempt(10, now, 10).status).toBe('failed')
    expect(nextAttempt(1, now, 1).status).toBe('failed')
  })

  it('accepts an ISO instant and refuses impossible attempt counts', () => {
    expect(nextAttempt(1, '2026-10-13T09:00:00+08:00').nextAttemptAt).toEqual(later(1))
    expect(() => nextAttempt(0, now)).toThrow(RangeError)
    expect(() => nextAttempt(1.5, now)).toThrow(RangeError)
    expect(RETRY_DELAYS_MINUTES).toEqual([1, 5, 30, 120, 360])
  })
})

describe('classifying WeChat errcodes', () => {
  it.each([
    [0, 'sent'],
    [43101, 'refused'],
    ['43101', 'refused'],
    [47003, 'failed'],
    [40003, 'failed'],
    [40037, 'failed'],
    [41030, 'failed'],
    [-1, 'retry'],
    ['-1', 'retry'],
    [45009, 'retry'],
    [45011, 'retry'],
    [40001, 'retry'],
    [42001, 'retry'],
    [99999, 'retry'],
    [null, 'retry'],
    [undefined, 'retry'],
    ['ECONNRESET', 'retry'],
  ])('%p → %s', (code, outcome) => {
    expect(classifySendError(code)).toBe(outcome)
  })
})

describe('settling one push', () => {
  it('records a success', () => {
    expect(settleAttempt(0, 0, now)).toEqual({ status: 'sent', attempts: 1, nextAttemptAt: null, sentAt: now })
  })

  it('schedules a retry, then fails once the attempts run out', () => {
    expect(settleAttempt(-1, 0, now)).toEqual({ status: 'pending', attempts: 1, nextAttemptAt: later(1), sentAt: null })
    expect(settleAttempt(45009, 4, now)).toEqual({ status: 'pending', attempts: 5, nextAttemptAt: later(360), sentAt: null })
    expect(settleAttempt(undefined, 5, now)).toEqual({ status: 'failed', attempts: 6, nextAttemptAt: null, sentAt: null })
  })

  it('stops at once when retrying cannot help', () => {
    expect(settleAttempt(43101, 0, now)).toEqual({ status: 'refused', attempts: 1, nextAttemptAt: null, sentAt: null })
    expect(settleAttempt(47003, 2, now)).toEqual({ status: 'failed', attempts: 3, nextAttemptAt: null, sentAt: null })
  })
})

describe('statuses', () => {
  it('have Chinese labels; only pending is picked up again', () => {
    for (const status of DELIVERY_STATUSES) expect(DELIVERY_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fa5]/)
    expect(DELIVERY_STATUSES.filter((status) => !isFinalStatus(status))).toEqual(['pending'])
  })

  it('push only with a configured template and a grant; else message center only', () => {
    expect(routeDelivery({ templateConfigured: true, hasGrant: true })).toBe('push')
    expect(routeDelivery({ templateConfigured: true, hasGrant: false })).toBe('inbox_only')
    expect(routeDelivery({ templateConfigured: false, hasGrant: true })).toBe('inbox_only')
  })

  it('show a message in 消息中心 once due, whatever became of the push, unless withdrawn', () => {
    for (const status of ['pending', 'sent', 'failed', 'refused', 'inbox_only'] as const) {
      expect(isInboxVisible({ status, notBefore: now }, now)).toBe(true)
    }
    expect(isInboxVisible({ status: 'cancelled', notBefore: now }, now)).toBe(false)
    expect(isInboxVisible({ status: 'pending', notBefore: later(1) }, now)).toBe(false)
  })
})
