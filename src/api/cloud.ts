import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure, toResult, typedCall, type ApiClient } from './client'

/** WeChat cloud transport: one cloud function per area; the caller's identity comes from the WeChat context. */
let initialised = false

/** Taro.cloud.init() once per app, for the function calls and the storage uploads alike. */
export function ensureCloudInit(): void {
  if (initialised) return
  Taro.cloud.init()
  initialised = true
}

export function createCloudClient(): ApiClient {
  return {
    getToken: () => null,
    setToken() {},
    call: typedCall(async (area, action, payload): Promise<Result<unknown>> => {
      try {
        ensureCloudInit()
        const res = await Taro.cloud.callFunction({ name: area, data: { action, ...payload } })
        return toResult(res.result)
      } catch {
        return networkFailure()
      }
    }),
  }
}
