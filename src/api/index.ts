import type { ApiClient } from './client'
import { createCloudClient } from './cloud'
import { createHttpClient } from './http'

export type { ApiClient } from './client'

/** Chooses the transport once, from build-time constants (config/index.ts defineConstants). */
export function createApiClient(): ApiClient {
  if (process.env.TARO_ENV !== 'h5' && process.env.TARO_APP_API_MODE === 'cloud') return createCloudClient()
  const base = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:8787')
  return createHttpClient(base)
}
