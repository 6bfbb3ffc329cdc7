import Taro from '@tarojs/taro'
import type { Result } from '@/core/errors/result'
import { networkFailure } from './client'

/**
 * Opens a document attachment (a policy's PDF) from its link: the browser downloads it (the host serves documents as
 * downloads); the mini program fetches it and shows it with openDocument (share or save from there).
 */
export async function openDocumentLink(url: string): Promise<Result<null>> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank', 'noopener')
    return { ok: true, data: null }
  }
  try {
    const file = await Taro.downloadFile({ url })
    if (file.statusCode !== 200) return networkFailure()
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true })
    return { ok: true, data: null }
  } catch {
    return networkFailure()
  }
}
