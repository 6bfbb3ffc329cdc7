import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure, toResult, type ApiClient } from './client'
import { ensureCloudInit } from './cloud'

/**
 * A photo to store: a local file path (chooseMedia's tempFilePath, in the mini program and in H5) or, in H5, a File
 * picked through an `<input type=file>` (what a browser test sets).
 */
export type PhotoSource = { path: string } | { file: Blob; name?: string }

/**
 * Stores photos for problems.submit: `key` is what the backend accepts in `photos`, `url` where the stored image can be
 * shown right away.
 */
export interface Uploader {
  upload(source: PhotoSource): Promise<Result<{ key: string; url: string }>>
  /** Where a photo of a problem view (an expiring link from the host, or a cloud file id) can be shown. */
  url(link: string): string
}

function parse(body: unknown): Result<{ key: string; url?: string }> {
  let value = body
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return networkFailure()
    }
  }
  const result = toResult<{ key: string; url?: string }>(value)
  if (result.ok && typeof result.data?.key !== 'string') return networkFailure()
  return result
}

/**
 * HTTP mode: `POST {base}/api/uploads`, multipart field `file`, bearer token → `{ key: 'uploads/<uuid>.jpg', url }`,
 * where `url` is an expiring signed link (`/uploads/<uuid>.jpg?exp=…&sig=…`); the host serves no photo without one.
 * A path goes through Taro.uploadFile; a File (H5) through fetch + FormData.
 */
export function createHttpUploader(base: string, api: Pick<ApiClient, 'getToken'>): Uploader {
  const endpoint = `${base}/api/uploads`
  const url = (link: string) => `${base}/${link.replace(/^\//, '')}`
  const stored = (res: Result<{ key: string; url?: string }>): Result<{ key: string; url: string }> =>
    res.ok ? { ok: true, data: { key: res.data.key, url: url(res.data.url ?? res.data.key) } } : res
  return {
    url,
    async upload(source) {
      const token = api.getToken()
      const auth: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
      try {
        if ('file' in source) {
          const form = new FormData()
          form.append('file', source.file, source.name ?? 'photo.jpg')
          const res = await fetch(endpoint, { method: 'POST', headers: auth, body: form })
          return stored(parse(await res.text()))
        }
        const res = await Taro.uploadFile({ url: endpoint, filePath: source.path, name: 'file', header: auth })
        return stored(parse(res.data))
      } catch {
        return networkFailure()
      }
    },
  }
}

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/**
 * Cloud mode: WeChat cloud storage; the fileID (cloud://…) is the key, and the image component shows it directly.
 * Photos go under `problems/<user id>/`: problems.submit accepts cloud file ids only under the caller's own folder.
 * The user id comes from auth.me once (in cloud mode the WeChat user is the account and does not change).
 */
export function createCloudUploader(api: Pick<ApiClient, 'call'>): Uploader {
  let folder: string | null = null
  return {
    url: (link) => link,
    async upload(source) {
      if (!('path' in source)) return networkFailure()
      if (!folder) {
        const me = await api.call('auth', 'me')
        if (!me.ok) return me
        folder = `problems/${me.data.user.id}`
      }
      try {
        ensureCloudInit()
        const res = await Taro.cloud.uploadFile({ cloudPath: `${folder}/${randomName()}.jpg`, filePath: source.path })
        return res.fileID ? { ok: true, data: { key: res.fileID, url: res.fileID } } : networkFailure()
      } catch {
        return networkFailure()
      }
    },
  }
}
