import type { Log } from './notify/sender'

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const
export type LogLevel = keyof typeof LEVELS | 'silent'

/**
 * One JSON line per record, in pino's shape (numeric `level`, `time`, `msg`) so it reads like the host's Fastify log,
 * for code that runs outside a request: the notification sender, `npm run job`. Errors go to stderr.
 */
export function jsonLog(options: { level: LogLevel; name: string; write?: (line: string, level: number) => void }): Log {
  const threshold = options.level === 'silent' ? Infinity : LEVELS[options.level]
  const write = options.write ?? ((line, level) => (level >= LEVELS.error ? process.stderr : process.stdout).write(`${line}\n`))
  const at = (level: keyof typeof LEVELS) => (details: object, message: string) => {
    if (LEVELS[level] < threshold) return
    write(JSON.stringify({ level: LEVELS[level], time: Date.now(), name: options.name, msg: message, ...plain(details) }), LEVELS[level])
  }
  return { info: at('info'), warn: at('warn'), error: at('error') }
}

function plain(details: object): object {
  return Object.fromEntries(
    Object.entries(details).map(([key, value]) => (value instanceof Error ? [key, { type: value.name, message: value.message, stack: value.stack }] : [key, value])),
  )
}
