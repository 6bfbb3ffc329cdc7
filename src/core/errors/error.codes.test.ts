import { ERRORS, fail } from '.'

describe('error codes', () => {
  it('are UPPER_SNAKE with an HTTP status of the contract and a Chinese message', () => {
    for (const [code, { status, message }] of Object.entries(ERRORS)) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/)
      expect([400, 401, 403, 404, 409, 413, 429, 503]).toContain(code === 'INTERNAL' ? 400 : status)
      expect(message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(ERRORS.INTERNAL.status).toBe(500)
  })

  it('use the table message unless a specific one is given', () => {
    expect(fail('FORBIDDEN')).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限执行此操作' } })
    expect(fail('SLOT_FULL', '自定义')).toEqual({ ok: false, error: { code: 'SLOT_FULL', message: '自定义' } })
  })
})
