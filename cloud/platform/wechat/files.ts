/**
 * Generated files in WeChat cloud storage: a cloud function can only answer JSON, so a report workbook is uploaded and
 * the client downloads it from a temporary URL (wx.downloadFile, then wx.openDocument). Takes the initialised SDK
 * from the identity adapter, the only module that loads it.
 */

/** The part of `wx-server-sdk` this adapter uses. */
interface WxFilesSdk {
  uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(options: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList: Array<{ fileID: string; tempFileURL?: string; status?: number; errMsg?: string }>
  }>
}

/** How long the download link works: long enough to tap it, short enough that a forwarded link soon dies. */
export const TEMP_URL_SECONDS = 15 * 60

export function wechatFilePublisher(sdk: () => unknown): (cloudPath: string, bytes: Buffer) => Promise<string> {
  return async (cloudPath, bytes) => {
    const cloud = sdk() as WxFilesSdk
    const { fileID } = await cloud.uploadFile({ cloudPath, fileContent: bytes })
    const { fileList } = await cloud.getTempFileURL({ fileList: [{ fileID, maxAge: TEMP_URL_SECONDS }] })
    const url = fileList[0]?.tempFileURL
    // A storage failure is not the caller's fault: throwing makes the router answer INTERNAL and log the details.
    if (!url) throw new Error(`no temporary URL for ${fileID}: ${fileList[0]?.errMsg ?? 'unknown error'}`)
    return url
  }
}
