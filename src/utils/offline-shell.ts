/**
 * H5: registers the service worker of config/offline-shell.ts, so that the app opens again without a network (the
 * desk and the card work offline; issue 14). After the page has loaded, so it never competes with the first paint.
 */
export function registerOfflineShell(target: Window): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in target.navigator)) return
  const register = () => void target.navigator.serviceWorker.register('/sw.js').catch(() => undefined)
  if (target.document.readyState === 'complete') register()
  else target.addEventListener('load', register, { once: true })
}
