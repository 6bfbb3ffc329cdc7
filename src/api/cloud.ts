import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure, toResult, type ApiClient } from './client'

/** WeChat cloud transport: one cloud function per area; the caller's identity comes from the WeChat context. */
export function createCloudClient(): ApiClient {
  let initialised = false
  return {
    getToken: () => null,
    setToken() {},
    async call<T>(area: string, action: string, payload: object = {}): Promise<Result<T>> {
      try {
        if (!initialised) {
          Taro.cloud.init()
          initialised = true
        }
        const res = await Taro.cloud.callFunction({ name: area, data: { action, ...payload } })
        return toResult<T>(res.result)
      } catch {
        return networkFailure()
      }
    },
  }
}
