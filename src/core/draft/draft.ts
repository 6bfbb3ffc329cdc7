/**
 * A form's draft as the phone keeps it between restarts (weapp storage, localStorage in H5): what was typed, and for a
 * submission the network did not carry, its idempotency key and the content the key was for, so the retry after a
 * restart is the same submission and the backend answers its first copy instead of making a second.
 */
export interface SavedDraft<F> {
  v: typeof DRAFT_VERSION
  fields: F
  sent: { key: string; fingerprint: string } | null
  /** 待发送: sent (or tried) without an answer; retried when the network returns. */
  queued: boolean
}

export const DRAFT_VERSION = 1

export type DraftForm = 'problem' | 'homeVisit' | 'rating'

/**
 * One draft per form and signed-in user, so another person signing in on the same phone never sees it; `scope` keeps
 * apart drafts of one user for different holders (a commissioner writing for several enterprises).
 */
export function draftKey(form: DraftForm, userId: string, scope?: string | null): string {
  return `draft.${form}.${userId}${scope ? `.${scope}` : ''}`
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A stored value read back: anything another version wrote, or that was cut off, reads as no draft. Stored values are
 * checked by hand, not by zod: the holder's pages ship without it.
 */
export function readDraft<F>(value: unknown, isFields: (fields: unknown) => fields is F): SavedDraft<F> | null {
  if (!isObject(value) || value.v !== DRAFT_VERSION || typeof value.queued !== 'boolean' || !isFields(value.fields)) return null
  const sent = value.sent
  if (sent !== null && !(isObject(sent) && typeof sent.key === 'string' && typeof sent.fingerprint === 'string')) return null
  return { v: DRAFT_VERSION, fields: value.fields, sent: sent ? { key: sent.key as string, fingerprint: sent.fingerprint as string } : null, queued: value.queued }
}

/** Small checks for the fields' guards. */
export const is = {
  object: isObject,
  string: (value: unknown): value is string => typeof value === 'string',
  stringOrNull: (value: unknown): value is string | null => value === null || typeof value === 'string',
  strings: (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string'),
}
