import { createHmac, timingSafeEqual } from 'node:crypto'

const SESSION_DAYS = 7

/**
 * Session tokens of the local host: `<userId>.<expiresAt seconds>.<HMAC-SHA256>`. Stateless, so any instance with the
 * same secret accepts them. In the WeChat cloud the trusted OPENID replaces them.
 */
export function createSessionSigner(secret: string) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url')
  return {
    issue(userId: string, nowMs: number): string {
      const body = `${userId}.${Math.floor(nowMs / 1000) + SESSION_DAYS * 86400}`
      return `${body}.${mac(body)}`
    },
    /** The user id of a valid, unexpired token; null otherwise. */
    read(token: string, nowMs: number): string | null {
      const match = /^([0-9a-f-]{36})\.(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(token)
      if (!match) return null
      const [, userId, expires, signature] = match
      const expected = Buffer.from(mac(`${userId}.${expires}`))
      const given = Buffer.from(signature)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
      return Number(expires) * 1000 > nowMs ? userId : null
    },
  }
}

export type SessionSigner = ReturnType<typeof createSessionSigner>
