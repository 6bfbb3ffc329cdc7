import { decodeCursor, encodeCursor, isProblemCursor } from './problem.cursor'

const id = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const invalid = { ok: false, error: { code: 'VALIDATION_FAILED', message: '分页游标无效，请从第一页重新加载' } }

// What Node's Buffer makes: the reference for our hand-written base64url (the core cannot use Buffer).
const base64url = (text: string) => Buffer.from(text, 'ascii').toString('base64url')

describe('problem cursor', () => {
  it('is base64url of "<createdAt>|<id>" and round-trips', () => {
    for (const createdAt of ['2026-10-08T02:00:00.000Z', '2026-10-08T02:00:00Z', '2026-10-08T02:00:00.1Z', '2026-10-08T02:00:00.123456Z']) {
      const cursor = encodeCursor({ createdAt, id })
      expect(cursor).toBe(base64url(`${createdAt}|${id}`))
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(cursor)).toEqual({ ok: true, data: { createdAt, id } })
      expect(isProblemCursor(cursor)).toBe(true)
    }
  })

  it('encodes every length remainder like Buffer does', () => {
    for (let n = 0; n < 7; n++) {
      const createdAt = `2026-10-08T02:00:00${n ? '.' + '1'.repeat(n) : ''}Z`
      expect(encodeCursor({ createdAt, id })).toBe(base64url(`${createdAt}|${id}`))
    }
  })

  it('refuses to encode what is not a position (a bug in the caller)', () => {
    expect(() => encodeCursor({ createdAt: '2026-10-08 02:00:00', id })).toThrow(RangeError)
    expect(() => encodeCursor({ createdAt: '2026-10-08T02:00:00Z', id: 'x' })).toThrow(RangeError)
  })

  it.each([
    ['empty', ''],
    ['not base64url', 'abc$def'],
    ['padding', base64url(`2026-10-08T02:00:00Z|${id}`) + '='],
    ['standard base64 characters', 'ab+/'],
    ['impossible length', 'abcde'],
    ['non-canonical trailing bits', 'aGVsbG9'],
    ['plain text', base64url('hello')],
    ['no separator', base64url(`2026-10-08T02:00:00Z${id}`)],
    ['two separators', base64url(`2026-10-08T02:00:00Z|${id}|x`)],
    ['local time', base64url(`2026-10-08T10:00:00+08:00|${id}`)],
    ['no time', base64url(`2026-10-08|${id}`)],
    ['too many fraction digits', base64url(`2026-10-08T02:00:00.1234567Z|${id}`)],
    ['impossible date', base64url(`2026-02-30T02:00:00Z|${id}`)],
    ['impossible hour', base64url(`2026-10-08T25:00:00Z|${id}`)],
    ['not a uuid', base64url('2026-10-08T02:00:00Z|holder-demo')],
    ['sql', base64url("2026-10-08T02:00:00Z|' OR 1=1 --")],
    ['too long', 'A'.repeat(201)],
  ])('rejects garbage: %s', (_, value) => {
    expect(decodeCursor(value)).toEqual(invalid)
    expect(isProblemCursor(value)).toBe(false)
  })
})
