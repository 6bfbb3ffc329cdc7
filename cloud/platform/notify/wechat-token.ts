import type { Log } from './sender'

export interface TokenSource {
  /** A valid access token, from the cache while it lasts; throws `TokenError` when WeChat would not give one. */
  get(): Promise<string>
  /** Forgets `token` (WeChat said it is invalid or expired) so the next `get` fetches a fresh one. */
  invalidate(token: string): void
}

export class TokenError extends Error {}

export interface TokenOptions {
  appId: string
  appSecret: string
  baseUrl: string
  log: Log
  timeoutMs: number
  now?: () => number
}

/**
 * WeChat's platform keeps a stable token valid and hands out a fresh one within its last 5 minutes, so refetching
 * that long before it expires never uses a dying token (and the floor keeps a very short grant from looping).
 */
const REFRESH_BEFORE_S = 300
const MIN_CACHE_S = 60

/**
 * Access tokens from `/cgi-bin/stable_token` in normal mode: unlike `/cgi-bin/token`, fetching one does not invalidate
 * the token other instances hold, which matters when several cloud functions or containers send at once. Force-refresh
 * mode is never used (20 a day, and it would cut off every other instance). One fetch at a time per process.
 */
export function stableTokenSource(options: TokenOptions): TokenSource {
  const now = options.now ?? Date.now
  let cached: { token: string; refreshAt: number } | null = null
  let inFlight: Promise<string> | null = null

  const fetchToken = async (): Promise<string> => {
    let body: { access_token?: unknown; expires_in?: unknown; errcode?: unknown; errmsg?: unknown }
    try {
      const response = await fetch(`${options.baseUrl}/cgi-bin/stable_token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid: options.appId, secret: options.appSecret, force_refresh: false }),
        signal: AbortSignal.timeout(options.timeoutMs),
      })
      body = (await response.json()) as typeof body
    } catch (error) {
      throw new TokenError(`access token request failed: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (typeof body.access_token !== 'string' || body.access_token === '') {
      // Never log the secret; WeChat's errmsg does not contain it.
      throw new TokenError(`access token refused: errcode ${String(body.errcode)} ${String(body.errmsg ?? '')}`.trim())
    }
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 7200
    cached = { token: body.access_token, refreshAt: now() + Math.max(expiresIn - REFRESH_BEFORE_S, MIN_CACHE_S) * 1000 }
    options.log.info({ expiresIn }, 'WeChat access token fetched')
    return body.access_token
  }

  return {
    async get() {
      if (cached && now() < cached.refreshAt) return cached.token
      inFlight ??= fetchToken().finally(() => {
        inFlight = null
      })
      return inFlight
    },
    invalidate(token) {
      if (cached?.token === token) cached = null
    },
  }
}
