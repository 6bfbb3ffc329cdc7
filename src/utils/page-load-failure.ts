import Taro from '@tarojs/taro'
import { ERRORS } from '@/core/errors/error.codes'

/**
 * Whether a rejection is a page's code that could not be fetched: webpack's ChunkLoadError for scripts, and its
 * "Loading CSS chunk … failed" for styles. In H5 each page is a chunk loaded on first visit, so a tab tapped
 * offline fails this way.
 */
export function isChunkLoadFailure(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false
  const { name, message } = reason as { name?: unknown; message?: unknown }
  return name === 'ChunkLoadError' || (typeof message === 'string' && /^Loading (CSS )?chunk \S+ failed/.test(message))
}

/**
 * Taro's H5 router rethrows a page chunk that failed to load from its history listener, so nobody catches it and the
 * tap seems to do nothing (issue 15, defect 4). This says so instead, with 重试: it opens the page the address bar
 * already shows again (webpack forgets a failed chunk, so the retry fetches it anew); 取消 goes back to the page
 * still on screen, whose address it was.
 */
export function reportPageLoadFailures(target: Window): () => void {
  const onRejection = (event: PromiseRejectionEvent) => {
    if (!isChunkLoadFailure(event.reason)) return
    event.preventDefault()
    const { pathname, search, hash } = target.location
    // The router is in hash or browser mode; the page path is in the hash in the first, the path in the second.
    const path = hash.startsWith('#/') ? hash.slice(1) : `${pathname}${search}`
    void Taro.showModal({
      title: '页面未能打开',
      content: ERRORS.NETWORK_UNAVAILABLE.message,
      confirmText: '重试',
      cancelText: '取消',
    }).then(({ confirm }) => {
      if (confirm) void Taro.reLaunch({ url: path })
      else target.history.back()
    })
  }
  target.addEventListener('unhandledrejection', onRejection)
  return () => target.removeEventListener('unhandledrejection', onRejection)
}
