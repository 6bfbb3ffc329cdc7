import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure, toResult, type ApiClient } from './client'
import { ensureCloudInit } from './cloud'
import { apiBase, isCloudMode } from './index'

/**
 * Getting a workbook (the monthly report's, a survey's results) onto the device.
 * - H5: `GET {base}/api/reports/export?month=YYYY-MM` (or `/api/surveys/export?id=`) with the bearer token, saved through a Blob link (the browser's
 *   download). The route answers the workbook, or the usual JSON error envelope.
 * - weapp: `reports.export {month}` → `{ fileName, url }`; a cloud file ID is fetched with wx.cloud.downloadFile, a host
 *   URL with Taro.downloadFile (bearer token in the header), then Taro.openDocument shows it (share / save from there).
 */
export interface ReportDownloader {
  download(month: string): Promise<Result<{ fileName: string }>>
}

function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (star) {
    try {
      return decodeURIComponent(star[1])
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1] : fallback
}

/** H5: GET the workbook with the bearer token and save it through a Blob link (the browser's download). */
async function downloadInBrowser(api: Pick<ApiClient, 'getToken'>, url: string, fallbackName: string): Promise<Result<{ fileName: string }>> {
  const token = api.getToken()
  let res: Response
  try {
    res = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch {
    return networkFailure()
  }
  const type = res.headers.get('content-type') ?? ''
  if (!res.ok || type.includes('application/json')) {
    try {
      return toResult(await res.json())
    } catch {
      return networkFailure()
    }
  }
  const fileName = fileNameOf(res.headers.get('content-disposition'), fallbackName)
  const blob = await res.blob()
  const href = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = href
  link.download = fileName
  link.style.display = 'none'
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(href), 10_000)
  return { ok: true, data: { fileName } }
}

type DownloadResult = { tempFilePath: string; statusCode?: number }

/** weapp: the export action says where the file is; fetch it (cloud file or host URL) and open it. */
async function downloadOnPhone(api: ApiClient, link: () => Promise<Result<{ fileName: string; url: string }>>): Promise<Result<{ fileName: string }>> {
  const res = await link()
  if (!res.ok) return res
  const file = res.data
  try {
    let path: string
    if (file.url.startsWith('cloud://')) {
      ensureCloudInit()
      const got = (await Taro.cloud.downloadFile({ fileID: file.url })) as unknown as DownloadResult
      path = got.tempFilePath
    } else {
      const token = api.getToken()
      // A host URL may come without the host (local HTTP mode).
      const url = file.url.startsWith('/') ? `${apiBase()}${file.url}` : file.url
      const got = (await Taro.downloadFile({ url, header: token ? { Authorization: `Bearer ${token}` } : {} })) as unknown as DownloadResult
      if (got.statusCode !== undefined && got.statusCode !== 200) return networkFailure()
      path = got.tempFilePath
    }
    await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true })
    return { ok: true, data: { fileName: file.fileName } }
  } catch {
    return networkFailure()
  }
}

const inBrowser = () => process.env.TARO_ENV === 'h5' && !isCloudMode()

export function createReportDownloader(api: ApiClient): ReportDownloader {
  return {
    download: (month) =>
      inBrowser()
        ? downloadInBrowser(api, `${apiBase()}/api/reports/export?month=${encodeURIComponent(month)}`, `${month}.xlsx`)
        : downloadOnPhone(api, () => api.call('reports', 'export', { month })),
  }
}

/** A survey's results (surveys.export), the same two ways. */
export function createSurveyDownloader(api: ApiClient): { download(surveyId: string): Promise<Result<{ fileName: string }>> } {
  return {
    download: (surveyId) =>
      inBrowser()
        ? downloadInBrowser(api, `${apiBase()}/api/surveys/export?id=${encodeURIComponent(surveyId)}`, 'survey-results.xlsx')
        : downloadOnPhone(api, () => api.call('surveys', 'export', { id: surveyId })),
  }
}
