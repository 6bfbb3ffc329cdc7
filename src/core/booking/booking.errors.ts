import { ERRORS } from '../errors'

/**
 * Codes that bookings and home visits need beyond errors/error.codes.ts. They are listed here, in the same shape, until
 * they are merged into ERRORS (that file belongs to the foundation); then `bookingFail` can become `fail`.
 */
export const BOOKING_ERRORS = {
  SLOT_FULL: { status: 409, message: '该时段已约满，请选择其他时段' },
  SLOT_CLOSED: { status: 409, message: '该时段已开始或已结束，不能预约' },
  BOOKING_OVERLAP: { status: 409, message: '您在该时间段已有其他预约' },
  TOO_LATE_TO_CHANGE: { status: 409, message: '距服务开始时间太近，不能取消或改约' },
  SESSION_CANCELLED: { status: 409, message: '该场次已取消' },
  SESSION_NOT_ENDED: { status: 409, message: '场次结束后才能标记未到' },
  CHECK_IN_CLOSED: { status: 409, message: '不在签到时间内（开始前60分钟至结束）' },
  DATE_IN_PAST: { status: 400, message: '日期不能早于今天' },
  VISIT_NOT_DUE: { status: 409, message: '上门服务日期未到，不能办结' },
} as const satisfies Record<string, { status: number; message: string }>

/** Existing general codes the booking rules also return. */
type SharedCode = 'FORBIDDEN' | 'INVALID_TRANSITION' | 'VALIDATION_FAILED'

export type BookingErrorCode = keyof typeof BOOKING_ERRORS | SharedCode

/** Same shape as errors/result.ts `Failure`, typed with the booking codes. */
export interface BookingFailure {
  ok: false
  error: { code: BookingErrorCode; message: string }
}

export type BookingResult<T> = { ok: true; data: T } | BookingFailure

function defaultMessage(code: BookingErrorCode): string {
  return code in BOOKING_ERRORS ? BOOKING_ERRORS[code as keyof typeof BOOKING_ERRORS].message : ERRORS[code as SharedCode].message
}

export function bookingFail(code: BookingErrorCode, message: string = defaultMessage(code)): BookingFailure {
  return { ok: false, error: { code, message } }
}

export function bookingStatusOf(code: BookingErrorCode): number {
  return code in BOOKING_ERRORS ? BOOKING_ERRORS[code as keyof typeof BOOKING_ERRORS].status : ERRORS[code as SharedCode].status
}
