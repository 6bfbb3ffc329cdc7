import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure, toResult, typedCall, type ApiClient } from './client'
import { takeEarly } from './early'

const TOKEN_KEY = 'session.token'

function readStoredToken(): string | null {
  try {
    const value = Taro.getStorageSync(TOKEN_KEY)
    return typeof value === 'string' && value ? value : null
  } catch {
    return null
  }
}

/** HTTP transport: `POST {base}/api/<area>` with `{ action, ...payload }` and a bearer token; token kept in storage. */
export function createHttpClient(base: string): ApiClient {
  let token = readStoredToken()
  return {
    getToken: () => token,
    setToken(next) {
      token = next
      try {
        if (next) Taro.setStorageSync(TOKEN_KEY, next)
        else Taro.removeStorageSync(TOKEN_KEY)
      } catch {
        // storage unavailable: the session lasts as long as the page
      }
    },
    call: typedCall(async (area, action, payload): Promise<Result<unknown>> => {
      const early = process.env.TARO_ENV === 'h5' && Object.keys(payload).length === 0 ? await takeEarly(area, action, token) : null
      if (early) return toResult(early)
      const header: Record<string, string> = { 'content-type': 'application/json' }
      if (token) header.Authorization = `Bearer ${token}`
      try {
        const res = await Taro.request({
          url: `${base}/api/${area}`,
          method: 'POST',
          header,
          data: { action, ...payload },
          dataType: 'json',
          timeout: 15000,
        })
        let body: unknown = res.data
        if (typeof body === 'string') {
          try {
            body = JSON.parse(body)
          } catch {
            return networkFailure()
          }
        }
        return toResult(body)
      } catch {
        return networkFailure()
      }
    }),
  }
}
