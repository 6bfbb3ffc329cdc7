import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { buildArea, bundle } from '../../cloud/deploy/build'
import { AREAS } from '../../cloud/functions/index'
import { removeStandIn, runFunction } from '../support/cloud-function'
import { createDatabase } from '../support/host'
import { fmt, percentile } from './stats'
import { interleaved, verdict } from './verdict'

const PAIRS = 11

/** The reference: a function that only exports `main`, bundled with the same options as the areas. */
const BARE = 'export const main = async () => ({ ok: true, data: null })\n'

/**
 * A fresh `node` process that requires the file, as the platform starts an instance: the CPU time (user and system, all
 * threads) the process has used when `require` returns. On this shared 2-core machine its wall time mostly measures
 * the other processes' load: side by side, the same bundle came out anywhere from 0.8× to 1.6× the bare function. The
 * environment is a cloud function's, nearly empty: inherited NODE_EXTRA_CA_CERTS (set on this machine) alone costs
 * node about 30 ms of CPU on every start, which would hide the bundles' own cost in both sides of the ratio.
 */
async function requireMs(file: string): Promise<number> {
  const code = `require(${JSON.stringify(file)}); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))`
  const env: Record<string, string | undefined> = { PATH: process.env.PATH }
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', code], { env: env as NodeJS.ProcessEnv })
  return Number(stdout)
}

/**
 * The cloud functions' start: `require` of each function's index.js against the bare function (fresh processes, side
 * by side) and the sizes. index.js loads the function's code, function.js, on the first call (cloud/deploy/lazy-main.ts),
 * so the require figure says nothing of that code: function.js's own require is printed beside it, and the cards
 * function's cold start to its first answer on PostgreSQL after them.
 */
export async function benchCloud(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-cloud-bench-'))
  try {
    await bundle({ contents: BARE, outfile: path.join(dir, 'bare/index.js') })
    await Promise.all(Object.keys(AREAS).map((area) => buildArea(area, dir)))
    const bare = () => requireMs(path.join(dir, 'bare/index.js'))

    for (const area of Object.keys(AREAS)) {
      const file = (name: string) => path.join(dir, area, name)
      const kb = (name: string) => `${(fs.statSync(file(name)).size / 1024).toFixed(1)} KB`
      const loader = await interleaved(area === 'cards' ? PAIRS : 5, bare, () => requireMs(file('index.js')))
      const code = await interleaved(area === 'cards' ? PAIRS : 5, bare, () => requireMs(file('function.js')))
      console.log(
        `cloudfunctions/${area}: index.js ${kb('index.js')}, require ${fmt(loader.target)} of CPU (bare function ` +
          `${fmt(loader.reference)}): ${loader.ratio.toFixed(2)}×; function.js ${kb('function.js')}, require ` +
          `${code.ratio.toFixed(2)}×${fs.existsSync(file('exceljs.js')) ? `; exceljs.js ${kb('exceljs.js')}` : ''}`,
      )
      // The code an instance must load before it can answer: function.js, not the loader in front of it.
      if (area === 'cards') verdict('cards function code (function.js) require / bare function', code.ratio, '<=', 1.5)
    }

    if (process.env.PG_AVAILABLE === '1') await coldStart(dir)
    else console.log('cloud cold start: not measured (no PostgreSQL)')
  } finally {
    removeStandIn()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * From a fresh process's start to the cards function's first answer (`publicKey`: the SDK, the PostgreSQL pool, the
 * migrations check, one call), next to the bare function's, as CPU time and wall time; the first start, which
 * migrates the empty database, is left out.
 */
async function coldStart(dir: string): Promise<void> {
  const database = await createDatabase({ empty: true })
  try {
    const env = { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('base64url'), CARD_SIGNING_KEY: randomBytes(32).toString('base64url') }
    const firstAnswer = async (name: string) => {
      const run = await runFunction(path.join(dir, name), [{ event: { action: 'publicKey' } }], env)
      if (!run.results[0].ok) throw new Error(`${name}: ${JSON.stringify(run.results[0])}\n${run.stdout}${run.stderr}`)
      return run
    }
    const migrating = await firstAnswer('cards')
    const wall: number[] = []
    const cpu = await interleaved(
      9,
      async () => (await firstAnswer('bare')).firstResponseCpuMs,
      async () => {
        const run = await firstAnswer('cards')
        wall.push(run.firstResponseMs)
        return run.firstResponseCpuMs
      },
    )
    console.log(
      `cards cold start to the first answer (PostgreSQL on the loopback): ${fmt(cpu.target)} of CPU (bare function ` +
        `${fmt(cpu.reference)}: ${cpu.ratio.toFixed(2)}×), ${fmt(percentile(wall.sort((a, b) => a - b), 50))} of wall time; ` +
        `the very first, migrating an empty database: ${fmt(migrating.firstResponseMs)}`,
    )
  } finally {
    await database.drop()
  }
}
