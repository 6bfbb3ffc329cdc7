/**
 * Runs a built WeChat cloud function as the platform would — plain `node`, `require('./index.js').main(event, context)`
 * in a fresh process (one function instance) — for test/cloud/deploy.test.ts and `npm run bench cloud`. The WeChat
 * platform itself is not available here; a tiny stand-in `wx-server-sdk` module (written into the node_modules of the
 * temp folder the function runs from, as the platform installs the real one) plays its part by handing out the OPENID
 * of the invocation.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface Envelope {
  ok: boolean
  data?: any // eslint-disable-line @typescript-eslint/no-explicit-any
  error?: { code: string; message: string }
}

export interface FunctionCall {
  event: unknown
  openid?: string
}

export interface FunctionRun {
  results: Envelope[]
  /** From the process's start to the first answer: node's start, require of index.js and the first call. */
  firstResponseMs: number
  /** The CPU time (user and system, all threads) the process had used by then. */
  firstResponseCpuMs: number
  sdkInits: string[]
  stdout: string
  stderr: string
}

/** The stand-in for the platform's `wx-server-sdk`: it reads the invocation's OPENID from the environment, as the real one does. */
const STAND_IN_SDK = `
const DYNAMIC_CURRENT_ENV = Symbol.for('DYNAMIC_CURRENT_ENV')
globalThis.__wxInits = []
module.exports = {
  DYNAMIC_CURRENT_ENV,
  init(options) {
    globalThis.__wxInits.push(options && options.env === DYNAMIC_CURRENT_ENV ? 'DYNAMIC_CURRENT_ENV' : String(options && options.env))
  },
  getWXContext() {
    return { OPENID: process.env.TEST_OPENID, APPID: 'wx-test', ENV: 'test' }
  },
}
`

/** Calls `main` of a built function in order, in one plain node process (one function instance), as the platform would. */
const RUNNER = `
const calls = JSON.parse(process.env.CALLS)
const { main } = require(process.argv[2])
;(async () => {
  const results = []
  let firstResponseMs
  let firstResponseCpuMs
  for (const call of calls) {
    if (call.openid) process.env.TEST_OPENID = call.openid
    else delete process.env.TEST_OPENID
    results.push(await main(call.event, {}))
    if (firstResponseMs === undefined) {
      firstResponseMs = process.uptime() * 1000
      const cpu = process.cpuUsage()
      firstResponseCpuMs = (cpu.user + cpu.system) / 1000
    }
  }
  process.stdout.write('\\n@@RESULT ' + JSON.stringify({ results, firstResponseMs, firstResponseCpuMs, sdkInits: globalThis.__wxInits || [] }) + '\\n')
  process.exit(0)
})().catch((error) => {
  process.stderr.write('runner: main threw: ' + (error && error.stack || error) + '\\n')
  process.exit(2)
})
`

let standIn: string | null = null

function standInDir(): string {
  if (standIn) return standIn
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-wx-'))
  fs.mkdirSync(path.join(dir, 'node_modules/wx-server-sdk'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'node_modules/wx-server-sdk/index.js'), STAND_IN_SDK)
  fs.writeFileSync(path.join(dir, 'node_modules/wx-server-sdk/package.json'), '{"name":"wx-server-sdk","version":"0.0.0-stand-in","main":"index.js"}')
  fs.writeFileSync(path.join(dir, 'runner.js'), RUNNER)
  standIn = dir
  return dir
}

/** Removes the temp folder the functions ran from. */
export function removeStandIn(): void {
  if (standIn) fs.rmSync(standIn, { recursive: true, force: true })
  standIn = null
}

/**
 * Runs the function built in `sourceDir` from a copy of that folder in the temp dir, as uploaded, with the platform's
 * SDK: a dependency left out of the bundle cannot be found in the repository's node_modules.
 */
export function runFunction(sourceDir: string, calls: FunctionCall[], env: Record<string, string>): Promise<FunctionRun> {
  const dir = standInDir()
  const functionDir = path.join(dir, path.basename(sourceDir))
  if (!fs.existsSync(functionDir)) fs.cpSync(sourceDir, functionDir, { recursive: true })
  // A clean environment like a cloud function's, plus libpq's PG* defaults the test's own database URL relies on.
  const pgDefaults = Object.entries(process.env).filter(([key]) => /^PG[A-Z]+$/.test(key) && key !== 'PG_AVAILABLE')
  const childEnv: Record<string, string | undefined> = {
    ...Object.fromEntries(pgDefaults),
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    USER: process.env.USER,
    CALLS: JSON.stringify(calls),
    ...env,
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dir, 'runner.js'), path.join(functionDir, 'index.js')], {
      env: childEnv as NodeJS.ProcessEnv,
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = stdout.split('\n').find((l) => l.startsWith('@@RESULT '))
      if (code !== 0 || !line) {
        reject(new Error(`${sourceDir} run failed (exit ${code})\nstdout:\n${stdout}\nstderr:\n${stderr}`))
        return
      }
      resolve({ ...JSON.parse(line.slice('@@RESULT '.length)), stdout, stderr })
    })
  })
}
