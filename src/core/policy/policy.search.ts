import { richTextToPlain } from './rich-text'

/**
 * What a search by words reads of a policy (policies.search_text): title, summary, 文号, issuer and the words of the
 * sanitised body, one per line. Searched with ILIKE '%word%', which finds a two-character Chinese word anywhere on
 * PostgreSQL and PGlite alike (no word segmentation needed); a pg_trgm index speeds up words of three characters or
 * more.
 */
export function policySearchText(policy: { title: string; summary: string; docNumber?: string | null; issuer: string; body: string }): string {
  return [policy.title, policy.summary, policy.docNumber ?? '', policy.issuer, richTextToPlain(policy.body)].join('\n')
}

/** `%word%` for ILIKE, with the pattern characters of the word (\, %, _) taken literally. */
export function containingPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}
