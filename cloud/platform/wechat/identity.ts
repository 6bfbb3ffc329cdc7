/**
 * The WeChat identity adapter: the only module that loads `wx-server-sdk`. It is required lazily, inside a function,
 * so nothing the local host imports ever loads it (outside the cloud runtime the SDK's context is trivially faked and
 * some of its calls kill the process; see STACK-NOTES "WeChat SDK").
 */

/** The part of `wx-server-sdk` this adapter uses. */
interface WxServerSdk {
  DYNAMIC_CURRENT_ENV: unknown
  init(options: { env: unknown }): void
  getWXContext(): { OPENID?: string | null }
}

let sdk: WxServerSdk | null = null

function loadSdk(): WxServerSdk {
  if (!sdk) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cloud = require('wx-server-sdk') as WxServerSdk
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
    sdk = cloud
  }
  return sdk
}

/**
 * The caller's OPENID from the trusted context the WeChat cloud runtime gives each invocation, or null for an
 * anonymous call (e.g. a timer trigger). Never read identity from the event: the client controls it.
 */
export function wechatOpenid(): string | null {
  const { OPENID } = loadSdk().getWXContext()
  return typeof OPENID === 'string' && OPENID.length > 0 ? OPENID : null
}

/** The initialised SDK, for the other cloud adapters (the subscribe-message sender): they never require it themselves. */
export function wechatSdk(): unknown {
  return loadSdk()
}

/** Loads and initialises the SDK ahead of the first call (part of a function's cold start). */
export function initWechatSdk(): void {
  loadSdk()
}
