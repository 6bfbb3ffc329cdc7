import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { postgresTemplate, preparePglite } from './store-templates'

export type StoreKind = 'pglite' | 'postgres'

const ROOT = path.resolve(__dirname, '../..')

/** The stores an integration suite runs on: PGlite always, PostgreSQL when the global setup found one. */
export function storesUnderTest(): StoreKind[] {
  return process.env.PG_AVAILABLE === '1' ? ['pglite', 'postgres'] : ['pglite']
}

export interface RunningHost {
  url: string
  store: StoreKind
  env: Record<string, string>
  stop(): Promise<void>
}

/** Known keys so tests can sign tokens the host accepts (an expired one, say). */
export const TEST_CARD_KEY = Buffer.alloc(32, 9).toString('base64url')
export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef'

/**
 * Starts the real host in its own process, as `npm start` would, on a fresh store: a temporary PGlite folder, or a
 * new PostgreSQL database that is dropped afterwards (both copies of a migrated template, store-templates.ts).
 */
export async function startHost(store: StoreKind, extraEnv: Record<string, string> = {}): Promise<RunningHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-host-'))
  let dropDatabase = async () => {}
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEV_LOGIN: '1',
    LOG_LEVEL: 'warn',
    STATIC_DIR: path.join(ROOT, 'dist/h5'),
    CARD_SIGNING_KEY: TEST_CARD_KEY,
    SESSION_SECRET: TEST_SESSION_SECRET,
    // Tests run the jobs they need through jobs.run, and count what they changed: no schedule may race them.
    SCHEDULER: 'off',
    ...extraEnv,
  }
  // A DATABASE_URL given by the caller is theirs: reused (a later host on the same data, say) and not dropped here.
  if (store === 'postgres' && !extraEnv.DATABASE_URL) {
    const { url, drop } = await createDatabase()
    env.DATABASE_URL = url
    dropDatabase = drop
  }
  if (store === 'pglite') await preparePglite(path.join(env.DATA_DIR, 'pglite'))
  // HOST_NODE_ARGS passes node flags to the host, e.g. `HOST_NODE_ARGS=--cpu-prof npm run bench -- bookings` to profile it.
  const nodeArgs = process.env.HOST_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [...nodeArgs, path.join(ROOT, 'cloud/host/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await waitForUrl(child)
  return {
    url,
    store,
    env,
    async stop() {
      await stopChild(child)
      await dropDatabase()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`host did not start in 60 s:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/[^\s/]+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (process.env.HOST_LOGS === '1') process.stderr.write(chunk)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`host exited with ${code}:\n${output}`))
    })
  })
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

/** A new PostgreSQL database, migrated (a copy of the template) or, with `empty`, bare; `drop` removes it. */
export async function createDatabase(options: { empty?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!
  const name = `ldz_test_${randomBytes(6).toString('hex')}`
  const template = options.empty ? null : await postgresTemplate(adminUrl)
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
    },
  }
}
