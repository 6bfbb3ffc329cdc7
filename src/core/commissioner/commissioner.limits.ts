/**
 * Limits of the commissioners area's inputs. commissionerSchemas validates by them, and the contact form (a subpackage
 * page) checks by the same numbers without loading zod (as notification.limits.ts): change a limit here and both follow.
 */
export const COMMISSIONER_LIMITS = {
  /** 联系情况 of a logged contact. */
  contactNote: { min: 2, max: 1000 },
} as const

/** A device clock may run a little ahead of the server's: a contact "now" from such a phone is still accepted. */
export const CONTACT_CLOCK_SKEW_MS = 5 * 60_000
