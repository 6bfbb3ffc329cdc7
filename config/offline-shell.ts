import { createHash } from 'node:crypto'
import type { IPluginContext } from '@tarojs/service'
import type { Compiler } from 'webpack'

// A Taro plugin, like precompress.ts: Taro compiles it by its path; it imports only Node and types.

/** What the service worker keeps: the app's own files, not source maps, licences or the compressed copies. */
const SHELL = (name: string) => !/\.(map|br|gz|txt)$/i.test(name) && name !== 'sw.js'

/**
 * The service worker of the H5 build (issue 14): the desk and the card must open without a network, so the app's
 * files are cached when it is first loaded and served from the cache when the network fails. API calls and photos
 * always go to the network (their failures are the app's to handle). A new build has a new list, hence a new cache,
 * and the old one is dropped once the new worker takes over.
 */
function serviceWorker(files: string[]): string {
  const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)
  return `'use strict'
const CACHE = 'shell-${version}'
const FILES = ${JSON.stringify(['/', ...files.map((file) => `/${file}`)])}
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()))
})
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key)))).then(() => self.clients.claim()))
})
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/uploads/')) return
  if (event.request.mode === 'navigate') {
    // The page itself: the network's when it answers (a new build shows at once), else the cached one.
    event.respondWith(fetch(event.request).catch(() => caches.match('/index.html')))
    return
  }
  // Content-hashed files never change: the cache first.
  event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)))
})
`
}

class OfflineShellPlugin {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('OfflineShellPlugin', (compilation) => {
      // After index.html is written (OPTIMIZE_INLINE), before precompress.ts compresses (OPTIMIZE_TRANSFER).
      const stage = Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE
      compilation.hooks.processAssets.tap({ name: 'OfflineShellPlugin', stage }, (assets) => {
        const files = Object.keys(assets).filter(SHELL).sort()
        compilation.emitAsset('sw.js', new sources.RawSource(serviceWorker(files)))
      })
    })
  }
}

/** Production H5 builds only (a watch build must not be cached). */
export default function offlineShell(ctx: IPluginContext): void {
  ctx.modifyWebpackChain(({ chain }) => {
    if (process.env.TARO_ENV === 'h5' && process.env.NODE_ENV !== 'development') chain.plugin('offline-shell').use(OfflineShellPlugin)
  })
}
