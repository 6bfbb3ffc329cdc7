import { fail, ok, type Result } from '../errors'

/**
 * Opaque keyset cursor of the problem ledger: the position after the last row of a page, in the order
 * `created_at DESC, id DESC`. On the wire it is base64url (no padding) of `<createdAt ISO>|<id>`; clients must not
 * build or read it. The ISO instant is UTC ('Z') with up to 6 fractional digits, so that a PostgreSQL timestamp with
 * microseconds survives the round trip (a millisecond cursor would skip or repeat rows created in the same ms).
 *
 * Base64 is written out here (ASCII only): the core runs in the mini program too, where neither Buffer nor a reliable
 * btoa/atob exists.
 */
export interface ProblemCursor {
  createdAt: string
  id: string
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const CURSOR_RE = /^[A-Za-z0-9_-]{1,200}$/

function encodeAscii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const [a, b, c] = [text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2)]
    const bits = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += ALPHABET[(bits >> 18) & 63] + ALPHABET[(bits >> 12) & 63]
    if (i + 1 < text.length) out += ALPHABET[(bits >> 6) & 63]
    if (i + 2 < text.length) out += ALPHABET[bits & 63]
  }
  return out
}

function decodeAscii(encoded: string): string | null {
  if (encoded.length % 4 === 1) return null
  let out = ''
  for (let i = 0; i < encoded.length; i += 4) {
    const chunk = encoded.slice(i, i + 4)
    const values = [...chunk].map((ch) => ALPHABET.indexOf(ch))
    if (values.some((v) => v < 0)) return null
    const bits = values.reduce((acc, v, k) => acc | (v << (18 - 6 * k)), 0)
    const bytes = [(bits >> 16) & 255, (bits >> 8) & 255, bits & 255].slice(0, chunk.length - 1)
    // Canonical only: the unused low bits of the last character must be zero.
    if (chunk.length < 4 && (bits & ((1 << (8 * (3 - bytes.length))) - 1)) !== 0) return null
    out += String.fromCharCode(...bytes)
  }
  return out
}

export function encodeCursor(cursor: ProblemCursor): string {
  if (!INSTANT_RE.test(cursor.createdAt) || !UUID_RE.test(cursor.id)) throw new RangeError('not a problem cursor position')
  return encodeAscii(`${cursor.createdAt}|${cursor.id}`)
}

const INVALID = '分页游标无效，请从第一页重新加载'

/** Reads a cursor sent back by a client; anything not made by `encodeCursor` is a VALIDATION_FAILED. */
export function decodeCursor(value: string): Result<ProblemCursor> {
  if (!CURSOR_RE.test(value)) return fail('VALIDATION_FAILED', INVALID)
  const text = decodeAscii(value)
  if (text === null) return fail('VALIDATION_FAILED', INVALID)
  const parts = text.split('|')
  if (parts.length !== 2) return fail('VALIDATION_FAILED', INVALID)
  const [createdAt, id] = parts
  if (!INSTANT_RE.test(createdAt) || !UUID_RE.test(id)) return fail('VALIDATION_FAILED', INVALID)
  // A well-formed string can still be no real instant (2026-02-30T…, 25:00).
  const date = new Date(createdAt.replace(/(\.\d{3})\d+Z$/, '$1Z'))
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== createdAt.slice(0, 19)) {
    return fail('VALIDATION_FAILED', INVALID)
  }
  return ok({ createdAt, id: id.toLowerCase() })
}

/** Whether a string is a cursor this module made (for the list schema). */
export function isProblemCursor(value: string): boolean {
  return decodeCursor(value).ok
}
