import * as z from 'zod'
import { CONTROL_CHARACTER_MESSAGE, LINE_BREAK_MESSAGE, LONE_SURROGATE_MESSAGE, forbiddenCharacter, line, noControlCharacters, text } from './zod'

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? []

describe('free text refuses control characters', () => {
  it('keeps multi-line text with tabs, line breaks, Chinese and emoji (a surrogate pair)', () => {
    expect(text(100).parse('第一行\n第二行\r\n\t缩进 👍')).toBe('第一行\n第二行\r\n\t缩进 👍')
  })

  it('refuses NUL, the other C0 controls and DEL anywhere in multi-line text, in Chinese', () => {
    for (const c of ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f']) {
      expect(messages(text(100), `前${c}后`)).toEqual([CONTROL_CHARACTER_MESSAGE])
    }
  })

  it('refuses a lone surrogate (not valid UTF-8), either half', () => {
    expect(messages(text(100), 'a\ud800b')).toEqual([LONE_SURROGATE_MESSAGE])
    expect(messages(text(100), 'a\udc00b')).toEqual([LONE_SURROGATE_MESSAGE])
    expect(messages(text(100), 'end\ud83d')).toEqual([LONE_SURROGATE_MESSAGE])
    expect(forbiddenCharacter('\ud83d\udc4d', false)).toBeNull()
  })

  it('one-line text trims a pasted trailing line break but refuses one inside, and tabs', () => {
    expect(line(30).parse('  威海海川科技\r\n')).toBe('威海海川科技')
    expect(messages(line(30), '威海\n海川')).toEqual([LINE_BREAK_MESSAGE])
    expect(messages(line(30), '威海\t海川')).toEqual([LINE_BREAK_MESSAGE])
    expect(messages(line(30), '威海\u0000海川')).toEqual([LINE_BREAK_MESSAGE])
  })

  it('keeps the length bounds, and reports a short value with a control character twice', () => {
    expect(messages(text(5, 2), '\u0007')).toHaveLength(2)
    expect(text(5, 2).safeParse('  ab  ').data).toBe('ab')
  })

  it('a QR text leaves line breaks to its parser but refuses NUL', () => {
    const qr = z.string().max(512).superRefine(noControlCharacters)
    expect(qr.parse('LDZW1.abc\n')).toBe('LDZW1.abc\n')
    expect(messages(qr, 'LDZW1.\u0000')).toEqual([CONTROL_CHARACTER_MESSAGE])
  })
})
