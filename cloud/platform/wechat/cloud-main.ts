import { fail, type Result } from '../../../src/core/errors'
import type { Area } from '../../functions/index'
import type { Log } from '../notify/sender'
import type { AreaCode } from './cloud-instance'

export type CloudMain = (event: unknown, context?: unknown) => Promise<Result<unknown>>

/** One JSON line per record on stdout/stderr, which the cloud console collects. */
function createLog(area: string): Log {
  const write = (level: 'info' | 'warn' | 'error', details: object, message: string) => {
    const line = JSON.stringify({ time: new Date().toISOString(), level, area, msg: message, ...serialise(details) })
    if (level === 'info') console.log(line)
    else console.error(line)
  }
  return {
    info: (details, message) => write('info', details, message),
    warn: (details, message) => write('warn', details, message),
    error: (details, message) => write('error', details, message),
  }
}

function serialise(details: object): object {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) =>
      value instanceof Error ? [key, { type: value.name, message: value.message, stack: value.stack }] : [key, value],
    ),
  )
}

/**
 * The entry of one area's WeChat cloud function. Requiring it builds nothing: the first call of an instance loads the
 * area's code (its actions, their zod schemas, the drizzle tables they query; `loadArea`) and the store, and starts
 * the instance (cloud-instance.ts); that is work the first answer needs, done once, and only then. It never throws
 * to the platform: a failed start answers INTERNAL (and the next call tries again).
 *
 * `loadArea` imports the area's own action table (cloud/deploy/entries/<area>.ts) rather than AREAS, so that a
 * function's bundle holds its own area only; the jobs function's also gives `runJobs`: a timer trigger (no caller, no
 * action) runs the scheduled jobs.
 */
export function createCloudMain(area: Area, loadArea: () => Promise<AreaCode>): CloudMain {
  const log = createLog(area)
  let ready: Promise<(event: unknown) => Promise<Result<unknown>>> | null = null

  return async function main(event: unknown) {
    let call: (event: unknown) => Promise<Result<unknown>>
    try {
      ready ??= Promise.all([import('./cloud-instance'), loadArea()]).then(([{ startInstance }, code]) => startInstance(area, code, log))
      call = await ready
    } catch (error) {
      ready = null
      log.error({ err: error }, 'cold start failed')
      return fail('INTERNAL', '服务暂时不可用，请稍后再试')
    }
    return call(event)
  }
}
