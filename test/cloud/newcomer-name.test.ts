import { randomUUID } from 'node:crypto'
import { newcomerName } from '../../cloud/functions/auth/users'

describe('a newcomer’s name before they say who they are', () => {
  it('is 微信用户 and four digits, never letters that read as a code', () => {
    const names = Array.from({ length: 500 }, () => newcomerName(randomUUID()))
    for (const name of names) expect(name).toMatch(/^微信用户\d{4}$/)
    expect(new Set(names).size).toBeGreaterThan(400)
  })
})
