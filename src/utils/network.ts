import Taro from '@tarojs/taro'

/**
 * Calls back when the network comes or goes: the platform's event, and in H5 also the window's online/offline events
 * (Taro's H5 version listens to navigator.connection only, which not every browser has or fires). Returns the stop.
 */
export function watchNetwork(onChange: (online: boolean) => void): () => void {
  const listener = (res: { isConnected: boolean }) => onChange(res.isConnected)
  Taro.onNetworkStatusChange(listener)
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return () => Taro.offNetworkStatusChange(listener)
  const online = () => onChange(true)
  const offline = () => onChange(false)
  window.addEventListener('online', online)
  window.addEventListener('offline', offline)
  return () => {
    Taro.offNetworkStatusChange(listener)
    window.removeEventListener('online', online)
    window.removeEventListener('offline', offline)
  }
}

/** Calls back whenever the network returns (see watchNetwork). Returns the way to stop listening. */
export function onNetworkBack(callback: () => void): () => void {
  return watchNetwork((online) => {
    if (online) callback()
  })
}
