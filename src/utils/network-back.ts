import Taro from '@tarojs/taro'

/**
 * Calls back whenever the network returns: WeChat's network status event, and in H5 the browser's `online` event too
 * (Taro's H5 status event follows navigator.connection, which many browsers lack or do not fire when going online).
 * Returns the way to stop listening.
 */
export function onNetworkBack(callback: () => void): () => void {
  const onStatus = (res: { isConnected: boolean }) => {
    if (res.isConnected) callback()
  }
  Taro.onNetworkStatusChange(onStatus)
  const browser = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined'
  if (browser) window.addEventListener('online', callback)
  return () => {
    Taro.offNetworkStatusChange(onStatus)
    if (browser) window.removeEventListener('online', callback)
  }
}
