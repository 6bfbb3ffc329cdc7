import { fail } from '../../src/core/errors'
import type { CloudMain } from '../platform/wechat/cloud-main'

/**
 * The `main` of each function's index.js: it loads the function's code (function.js: the area, zod's schemas,
 * drizzle, the store) on the first call instead of when the platform requires index.js. The first call then pays for
 * it: this moves work inside a cold start, it does not remove it (`npm run bench cloud` prints both). It keeps the
 * entry's promise never to throw to the platform; code that fails to load is a bug, answered INTERNAL on every call.
 */
export function lazyMain(load: () => Promise<{ main: CloudMain }>): CloudMain {
  let loaded: Promise<CloudMain> | null = null
  return async function main(event, context) {
    loaded ??= load().then((entry) => entry.main)
    let entryMain: CloudMain
    try {
      entryMain = await loaded
    } catch (error) {
      const err = error instanceof Error ? { type: error.name, message: error.message, stack: error.stack } : String(error)
      console.error(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'function code failed to load', err }))
      return fail('INTERNAL', '服务暂时不可用，请稍后再试')
    }
    return entryMain(event, context)
  }
}
