/**
 * Lengths and counts of the bookings area's inputs. bookingSchemas validates by them, and the forms of the main package
 * check by the same numbers without loading zod (as notification.limits.ts): change a limit here and both follow.
 */
export const BOOKING_LIMITS = {
  /** 办理事项 of a booking or a home-visit request. */
  topic: { min: 2, max: 100 },
  /** 问题描述 submitted ahead (optional). */
  problemText: { min: 1, max: 2000 },
  /** The holder's reason for cancelling a booking (optional). */
  cancelReason: { min: 1, max: 200 },
  /** 上门地址 of a home-visit request. */
  address: { min: 5, max: 200 },
  /** 期望日期 of a home-visit request. */
  preferredDates: { min: 1, max: 3 },
  /** Staff sent on a home visit. */
  staffIds: { min: 1, max: 10 },
  /** Staff's note when scheduling a home visit (optional). */
  scheduleNote: { min: 1, max: 200 },
  /** Staff's reason for cancelling a home visit. */
  homeVisitCancelReason: { min: 2, max: 200 },
  /** Staff's note when completing a home visit (optional). */
  completeNote: { min: 1, max: 1000 },
} as const
