interface WxRandom {
  getRandomValues(options: { length: number; success(res: { randomValues: ArrayBuffer }): void; fail(err: unknown): void }): void
}
declare const wx: WxRandom | undefined

/**
 * Cryptographically secure random bytes: WebCrypto in H5, `wx.getRandomValues` (base library 2.15) in the mini
 * program, whose JavaScript engine has no `crypto` global (Taro does not wrap that call, hence the global `wx`).
 */
export function randomBytes(length: number): Promise<Uint8Array> {
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') return Promise.resolve(crypto.getRandomValues(new Uint8Array(length)))
  return new Promise((resolve, reject) => {
    if (typeof wx === 'undefined') return reject(new Error('no secure random source'))
    wx.getRandomValues({ length, success: (res) => resolve(new Uint8Array(res.randomValues)), fail: reject })
  })
}
