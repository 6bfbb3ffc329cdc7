/**
 * Lengths and counts of the policies area's inputs. policySchemas validates by them and the editing page checks by the
 * same numbers without loading zod (as problem.limits.ts).
 */
export const POLICY_LIMITS = {
  title: { min: 2, max: 100 },
  issuer: { min: 2, max: 60 },
  docNumber: { min: 2, max: 60 },
  summary: { min: 2, max: 500 },
  /** The full text as sent (HTML or plain text), before it is sanitised. */
  body: { min: 2, max: 50_000 },
  attachmentName: { min: 1, max: 100 },
  withdrawReason: { min: 2, max: 500 },
  /** A search: a two-character word (融资, 人才) must work. */
  query: { min: 1, max: 50 },
} as const

export const MAX_POLICY_ATTACHMENTS = 9

/** Policies per page of policies.list and policies.recommended. */
export const POLICY_PAGE_SIZE = 20

/** An application deadline reminds the matching holders who opened the policy this many working days before. */
export const DEADLINE_REMINDER_WORKING_DAYS = 3

/** An attachment stored as a PDF document (served as a download) rather than an image: its key ends in .pdf. */
export const isDocumentKey = (key: string): boolean => key.endsWith('.pdf')
