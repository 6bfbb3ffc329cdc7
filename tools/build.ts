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

/** What `npm start` and `npm test` build: H5, the HTTP-mode mini program, and the cloud-mode one (TARO_APP_API_MODE=cloud). */
export type BuildTarget = 'h5' | 'weapp' | 'weapp-cloud'

const TARGETS: Record<BuildTarget, { type: 'h5' | 'weapp'; apiMode: 'http' | 'cloud' }> = {
  h5: { type: 'h5', apiMode: 'http' },
  weapp: { type: 'weapp', apiMode: 'http' },
  // config/index.ts sends a cloud-mode mini program build to dist/weapp-cloud.
  'weapp-cloud': { type: 'weapp', apiMode: 'cloud' },
}

/**
 * Builds `target` into dist/<target> unless the last build is newer than every source file; so `npm start` and
 * `npm test` never serve or test a stale build, and do not rebuild needlessly. Each target has its own stamp.
 */
export function ensureBuild(target: BuildTarget): void {
  const { type, apiMode } = TARGETS[target]
  buildUnlessFresh({
    name: target,
    projectDir: ROOT,
    inputs: INPUTS.map((input) => path.join(ROOT, input)),
    outDir: path.join(ROOT, 'dist', target),
    type,
    // The API mode is set either way, so a TARO_APP_API_MODE left in the shell cannot send one build to the other's folder.
    env: { TARO_APP_API_MODE: apiMode },
  })
}

export interface TaroBuild {
  /** What the messages call it. */
  name: string
  /** The Taro project (config/index.ts, src/). */
  projectDir: string
  /** Files and folders whose change makes the build stale. */
  inputs: string[]
  /** Where the build lands; its `.build-stamp` records the sources' time. */
  outDir: string
  type: 'h5' | 'weapp'
  env: Record<string, string>
}

/** `taro build --type <type>` in `projectDir` unless `outDir`'s stamp is at least as new as every input. */
export function buildUnlessFresh(build: TaroBuild): void {
  const stamp = path.join(build.outDir, '.build-stamp')
  const sourcesChanged = Math.max(...build.inputs.map(newestMtime))
  // 1 ms of slack: the stamp's time goes through a Date and seconds as a float, which lose the sub-millisecond part
  // (the stamp read back as .543999 for a source at .544088, so every start rebuilt).
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs + 1 >= sourcesChanged) return
  const started = Date.now()
  const command = `${Object.entries(build.env).map(([key, value]) => `${key}=${value} `).join('')}taro build --type ${build.type}`
  process.stdout.write(`Building ${build.name} (${command})…\n`)
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/taro'), ['build', '--type', build.type], {
    cwd: build.projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', ...build.env },
  })
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status})`)
  if (!fs.existsSync(build.outDir)) throw new Error(`${command} did not write ${path.relative(ROOT, build.outDir)}`)
  // The stamp carries the sources' time at build start, so an edit made during the build still counts as newer.
  fs.writeFileSync(stamp, new Date().toISOString())
  fs.utimesSync(stamp, new Date(sourcesChanged), new Date(sourcesChanged))
  process.stdout.write(`Built ${build.name} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
