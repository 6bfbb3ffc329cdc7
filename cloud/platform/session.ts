import { createHmac, timingSafeEqual } from 'node:crypto'

/** How long a sign-in lasts when it is not ended sooner (logout, deactivation). */
export const SESSION_DAYS = 7

/**
 * Session tokens of the HTTP host: `<sessionId>.<expiresAt seconds>.<HMAC-SHA256>`. The signature lets any instance with
 * the same secret reject a forged or expired token without a query; the session row (auth_sessions) decides whether it
 * was ended. In the WeChat cloud the trusted OPENID replaces them.
 */
export function createSessionSigner(secret: string) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest('base64url')
  return {
    issue(sessionId: string, expiresAt: Date): string {
      const body = `${sessionId}.${Math.floor(expiresAt.getTime() / 1000)}`
      return `${body}.${mac(body)}`
    },
    /** The session id of a well-signed, unexpired token; null otherwise. */
    read(token: string, nowMs: number): string | null {
      const match = /^([0-9a-f-]{36})\.(\d{10})\.([A-Za-z0-9_-]{43})$/.exec(token)
      if (!match) return null
      const [, sessionId, expires, signature] = match
      const expected = Buffer.from(mac(`${sessionId}.${expires}`))
      const given = Buffer.from(signature)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
      return Number(expires) * 1000 > nowMs ? sessionId : null
    },
  }
}

export type SessionSigner = ReturnType<typeof createSessionSigner>
