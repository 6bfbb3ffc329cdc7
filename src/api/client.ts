import type { ApiAction, ApiArea, ApiOutput, ApiPayloadArgs } from '@/core/contract/api.contract'
import { ERRORS } from '@/core/errors/error.codes'
import type { Result } from '@/core/errors/result'

/**
 * `api.call('bookings', 'create', input)`: the area, one of its actions, and that action's input, answered with that
 * action's response (src/core/contract/api.contract.ts), so a field renamed on either side fails the type check.
 */
export type ApiCall = <A extends ApiArea, K extends ApiAction<A>>(area: A, action: K, ...payload: ApiPayloadArgs<A, K>) => Promise<Result<ApiOutput<A, K>>>

/** What a transport does: send `{ action, ...payload }` to the area and hand back the envelope as a Result. */
export type SendRequest = (area: string, action: string, payload: object) => Promise<Result<unknown>>

/**
 * The one place where the contract's types meet the untyped JSON of a transport. The backend validates every input
 * with the same schemas and answers the typed responses, so the cast holds while both sides compile.
 */
export function typedCall(send: SendRequest): ApiCall {
  return ((area: string, action: string, payload: object = {}) => send(area, action, payload)) as ApiCall
}

/** One way to reach the backend: `POST /api/<area>` over HTTP, or a cloud function call in WeChat cloud mode. */
export interface ApiClient {
  call: ApiCall
  /** Session token for HTTP mode (cloud mode identifies the caller by the WeChat context and ignores it). */
  setToken(token: string | null): void
  getToken(): string | null
}

export const NETWORK_FAILURE_MESSAGE = ERRORS.NETWORK_UNAVAILABLE.message

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
  return { ok: false, error: { code: 'NETWORK_UNAVAILABLE', message: NETWORK_FAILURE_MESSAGE } }
}
