import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { bundle, bundleArea } from '../../cloud/deploy/build'
import { AREAS } from '../../cloud/functions/index'
import { removeStandIn, runFunction } from '../support/cloud-function'
import { createDatabase } from '../support/host'
import { fmt } from './stats'
import { interleaved, verdict } from './verdict'

const PAIRS = 11
const ROOT = path.resolve(__dirname, '../..')

/** The reference: a function that only exports `main`, bundled with the same options as the areas. */
const BARE = 'export const main = async () => ({ ok: true, data: null })\n'

/**
 * A fresh `node` process that requires the file, as the platform starts an instance: the CPU time (user and system, all
 * threads) the process has used when `require` returns. On this shared 2-core machine its wall time mostly measures
 * the other processes' load: side by side, the same bundle came out anywhere from 0.8× to 1.6× the bare function.
 */
async function requireMs(file: string): Promise<number> {
  const code = `require(${JSON.stringify(file)}); const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000))`
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', code])
  return Number(stdout)
}

/**
 * The cloud functions' start: `require` of each area's bundle against the bare function (fresh processes, side by
 * side), each bundle's size, and the cards function's cold start to its first answer on PostgreSQL. The bundles load
 * their code on the first call (cloud/deploy/lazy-main.ts), so the require figure alone would hide that cost: the cold
 * start shows where it went.
 */
export async function benchCloud(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-cloud-bench-'))
  try {
    const fileOf = (name: string) => path.join(dir, name, 'index.js')
    await bundle({ contents: BARE, outfile: fileOf('bare') })
    await Promise.all(Object.keys(AREAS).map((area) => bundleArea(area, { outfile: fileOf(area) })))

    for (const area of Object.keys(AREAS)) {
      const { ratio, reference, target } = await interleaved(area === 'cards' ? PAIRS : 5, () => requireMs(fileOf('bare')), () => requireMs(fileOf(area)))
      const kb = fs.statSync(fileOf(area)).size / 1024
      console.log(`cloudfunctions/${area}/index.js  ${kb.toFixed(1)} KB; a fresh node requiring it: ${fmt(target)} of CPU, the bare function ${fmt(reference)}: ${ratio.toFixed(2)}×`)
      if (area === 'cards') verdict('cards bundle require / bare function', ratio, '<=', 1.5)
    }
    console.log(`bare function: ${(fs.statSync(fileOf('bare')).size / 1024).toFixed(1)} KB`)

    if (process.env.PG_AVAILABLE === '1') await coldStart(dir)
    else console.log('cloud cold start: not measured (no PostgreSQL)')
  } finally {
    removeStandIn()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * From a fresh process's start to the cards function's first answer (`publicKey`: the SDK, the PostgreSQL pool, the
 * migrations check, one call), next to the bare function's; the first start, which migrates the empty database, is
 * left out.
 */
async function coldStart(dir: string): Promise<void> {
  const database = await createDatabase()
  try {
    for (const name of ['bare', 'cards']) fs.cpSync(path.join(ROOT, 'cloud/db/migrations'), path.join(dir, name, 'migrations'), { recursive: true })
    const env = { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('base64url'), CARD_SIGNING_KEY: randomBytes(32).toString('base64url') }
    const firstAnswer = async (name: string) => {
      const run = await runFunction(path.join(dir, name), [{ event: { action: 'publicKey' } }], env)
      if (!run.results[0].ok) throw new Error(`${name}: ${JSON.stringify(run.results[0])}\n${run.stdout}${run.stderr}`)
      return run.firstResponseMs
    }
    const migrating = await firstAnswer('cards')
    const { ratio, reference, target } = await interleaved(7, () => firstAnswer('bare'), () => firstAnswer('cards'))
    console.log(
      `cards cold start to the first answer (PostgreSQL on the loopback): ${fmt(target)}, bare function ${fmt(reference)} ` +
        `(${ratio.toFixed(2)}×); the very first, migrating an empty database: ${fmt(migrating)}`,
    )
  } finally {
    await database.drop()
  }
}
