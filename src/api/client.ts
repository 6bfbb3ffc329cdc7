import type { Result } from '@/core/errors/result'

/** One way to reach the backend: `POST /api/<area>` over HTTP, or a cloud function call in WeChat cloud mode. */
export interface ApiClient {
  call<T>(area: string, action: string, payload?: object): Promise<Result<T>>
  /** Session token for HTTP mode (cloud mode identifies the caller by the WeChat context and ignores it). */
  setToken(token: string | null): void
  getToken(): string | null
}

export const NETWORK_FAILURE_MESSAGE = '网络异常，请稍后重试'

/** Anything that is not a well-formed envelope becomes a failure value with a Chinese message. */
export function toResult<T>(body: unknown): Result<T> {
  if (body && typeof body === 'object' && 'ok' in body) {
    const envelope = body as { ok: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
    if (envelope.ok === true) return { ok: true, data: envelope.data as T }
    if (envelope.ok === false && envelope.error && typeof envelope.error.code === 'string') {
      return {
        ok: false,
        error: {
          code: envelope.error.code as never,
          message: typeof envelope.error.message === 'string' ? envelope.error.message : NETWORK_FAILURE_MESSAGE,
        },
      }
    }
  }
  return networkFailure()
}

export function networkFailure<T = never>(): Result<T> {
  return { ok: false, error: { code: 'INTERNAL', message: NETWORK_FAILURE_MESSAGE } }
}
