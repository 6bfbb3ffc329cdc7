import { z } from 'zod'

// Every schema of the product speaks Chinese to people: zod's own zh-CN messages, set once here.
z.config(z.locales.zhCN())

export { z }

/** Trimmed, non-empty text with an upper bound: every free-text field has one. */
export function text(max: number, min = 1) {
  return z.string().trim().min(min).max(max)
}

export const id = z.uuid()

/** Client-generated key that makes a retried request return the first result instead of acting twice. */
export const idempotencyKey = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '幂等键格式不正确')

export const empty = z.strictObject({})
