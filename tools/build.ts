import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const INPUTS = ['src', 'config', 'babel.config.js', 'package-lock.json', 'project.config.json']

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))))
}

/**
 * Builds the mini program for `type` unless the last build is newer than every source file; so `npm start` and
 * `npm test` never serve or test a stale build, and do not rebuild needlessly.
 */
export function ensureBuild(type: 'h5' | 'weapp'): void {
  const stamp = path.join(ROOT, 'dist', type, '.build-stamp')
  const sourcesChanged = Math.max(...INPUTS.map((input) => newestMtime(path.join(ROOT, input))))
  // 1 ms of slack: the stamp's time goes through a Date and seconds as a float, which lose the sub-millisecond part
  // (the stamp read back as .543999 for a source at .544088, so every start rebuilt).
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs + 1 >= sourcesChanged) return
  const started = Date.now()
  process.stdout.write(`Building the ${type} version (taro build --type ${type})…\n`)
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', type], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (result.status !== 0) throw new Error(`taro build --type ${type} failed (exit ${result.status})`)
  // The stamp carries the sources' time at build start, so an edit made during the build still counts as newer.
  fs.writeFileSync(stamp, new Date().toISOString())
  fs.utimesSync(stamp, new Date(sourcesChanged), new Date(sourcesChanged))
  process.stdout.write(`Built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
