import type { ApiClient } from './client'
import { createCloudClient } from './cloud'
import { createHttpClient } from './http'
import { createCloudUploader, createHttpUploader, type Uploader } from './upload'

export type { ApiClient } from './client'
export type { PhotoSource, Uploader } from './upload'

/** Cloud mode: WeChat cloud functions and storage (mini program builds only; H5 always speaks HTTP). */
export function isCloudMode(): boolean {
  return process.env.TARO_ENV !== 'h5' && process.env.TARO_APP_API_MODE === 'cloud'
}

/** Base URL of the local host in HTTP mode ('' in H5: same origin). */
export function apiBase(): string {
  return process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? 'http://127.0.0.1:8787')
}

/** Chooses the transport once, from build-time constants (config/index.ts defineConstants). */
export function createApiClient(): ApiClient {
  if (isCloudMode()) return createCloudClient()
  return createHttpClient(apiBase())
}

/** The photo store that goes with the transport. */
export function createUploader(api: ApiClient): Uploader {
  return isCloudMode() ? createCloudUploader(api) : createHttpUploader(apiBase(), api)
}
