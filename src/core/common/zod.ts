import * as z from 'zod'
import { fieldMessage } from './field-messages'

// Every schema of the product speaks Chinese to people, naming the field (fieldMessage), set once here. zod's own
// zh-CN locale is not used: its messages are for developers ("数值过小：期望 string >=2 字符").
// jitless: zod would otherwise probe `new Function` to compile object parsers, which the H5 page's CSP refuses (and
// reports as a violation) and the mini program does not have.
z.config({ customError: fieldMessage, jitless: true })

// Schema modules import zod themselves (`import * as z from 'zod'`) and this module for the config above (a bare
// `import '../common/zod'` where they use none of its helpers). Re-exported from here, `z` became a namespace object
// that esbuild keeps whole: all of zod in every cloud function (about 100 KB more, and ~25 ms at each start).

export const CONTROL_CHARACTER_MESSAGE = '不能包含控制字符'
export const LINE_BREAK_MESSAGE = '不能换行或包含控制字符'
export const LONE_SURROGATE_MESSAGE = '含有无效字符，请删除后重新输入'

/**
 * The first character a person's text must not hold: a C0 control character (U+0000–U+001F; tab, line feed and
 * carriage return only where `lineBreaks` allows them), DEL (U+007F), or half of a UTF-16 surrogate pair (not valid
 * UTF-8: PostgreSQL refuses U+0000 outright, and a lone surrogate would silently become U+FFFD). Null when clean.
 * A loop over char codes rather than a regular expression with lookbehind, which older mini program engines lack.
 */
export function forbiddenCharacter(value: string, lineBreaks: boolean): 'control' | 'surrogate' | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c < 0x20) {
      if (!(lineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d))) return 'control'
    } else if (c === 0x7f) {
      return 'control'
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'surrogate'
      i++
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return 'surrogate'
    }
  }
  return null
}

function refuseForbidden(lineBreaks: boolean) {
  return (value: string, ctx: z.RefinementCtx) => {
    const found = forbiddenCharacter(value, lineBreaks)
    if (found) {
      // Worded by fieldMessage, which names the field: "地址不能换行或包含控制字符".
      const problem = found === 'surrogate' ? LONE_SURROGATE_MESSAGE : lineBreaks ? CONTROL_CHARACTER_MESSAGE : LINE_BREAK_MESSAGE
      ctx.addIssue({ code: 'custom', params: { problem } })
    }
  }
}

/**
 * Trimmed, non-empty free text with an upper bound, which may run over several lines (a description, a note, a
 * reason): every such field has one. Tabs and line breaks inside are kept; other control characters are refused.
 */
export function text(max: number, min = 1) {
  return z.string().trim().min(min).max(max).superRefine(refuseForbidden(true))
}

/**
 * Trimmed, non-empty text of one line (a name, a title, an area, an address): as `text`, but a line break or tab inside
 * is refused too (a trailing one from a paste is trimmed away first).
 */
export function line(max: number, min = 1) {
  return z.string().trim().min(min).max(max).superRefine(refuseForbidden(false))
}

/**
 * For any other string a client sends as it likes (a scanned or pasted QR text, parsed by its own rules):
 * `.superRefine(noControlCharacters)` refuses what `text` refuses, and leaves tabs and line breaks to the parser.
 */
export const noControlCharacters = refuseForbidden(true)

export const id = z.uuid()

/** Client-generated key that makes a retried request return the first result instead of acting twice. */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键格式不正确')

export const empty = z.strictObject({})
