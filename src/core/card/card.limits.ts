/**
 * Text lengths of the cards area's inputs. cardSchemas validates by them, and the admin pages size their inputs by the
 * same numbers (zod-free, as notification.limits.ts): change a limit here and both follow.
 */
export const CARD_LIMITS = {
  /** The enterprise's, project's or talent's name. */
  holderName: { min: 2, max: 100 },
  /** 资格依据 detail (certificate number, approval, …). */
  qualificationDetail: { min: 2, max: 500 },
  contactName: { min: 1, max: 30 },
  /** Why a card is suspended, reinstated or revoked (optional). */
  changeReason: { min: 1, max: 200 },
} as const
