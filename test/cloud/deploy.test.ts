/**
 * `npm run build:cloud`: the bundles it writes, and the cards, jobs and auth bundles run as the WeChat cloud would run
 * them (test/support/cloud-function.ts) against a fresh PostgreSQL database.
 */
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { Client } from 'pg'
import { SPREADSHEET_AREAS } from '../../cloud/deploy/build'
import { AREAS } from '../../cloud/functions/index'
import { cardSchemas } from '../../src/core/card/card.schema'
import { removeStandIn, runFunction, type FunctionCall, type FunctionRun } from '../support/cloud-function'

const ROOT = path.resolve(__dirname, '../..')
const OUT = path.join(ROOT, 'cloudfunctions')
const AREA_NAMES = Object.keys(AREAS)

describe('npm run build:cloud', () => {
  let buildOutput = ''

  beforeAll(async () => {
    const startedAt = Date.now()
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'cloud/deploy/build.ts'], {
      cwd: ROOT,
      env: process.env,
      timeout: 170_000,
    })
    buildOutput = stdout
    console.log(`build:cloud took ${Date.now() - startedAt} ms (including tsx start)\n${stdout}`)
  }, 180_000)

  it('reports every area it built', () => {
    for (const area of AREA_NAMES) expect(buildOutput).toContain(`cloudfunctions/${area}/function.js`)
  })

  describe.each(AREA_NAMES)('cloudfunctions/%s', (area) => {
    const dir = path.join(OUT, area)

    it('has index.js, function.js, package.json depending on wx-server-sdk 4.x, config.json and the migrations', () => {
      expect(fs.existsSync(path.join(dir, 'index.js'))).toBe(true)
      expect(fs.statSync(path.join(dir, 'function.js')).size).toBeGreaterThan(10_000)
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
      expect(pkg).toMatchObject({ name: area, main: 'index.js', dependencies: { 'wx-server-sdk': '~4.0.2' } })
      expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
      // The jobs function alone pushes subscribe messages (云调用) and has the timer trigger (one per function).
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(
        area === 'jobs'
          ? { permissions: { openapi: ['subscribeMessage.send'] }, timeout: 60, triggers: [{ name: 'everyFiveMinutes', type: 'timer', config: '0 */5 * * * * *' }] }
          : { permissions: { openapi: [] }, timeout: 20 },
      )
      const sql = fs.readdirSync(path.join(ROOT, 'cloud/db/migrations')).filter((f) => f.endsWith('.sql'))
      expect(sql.length).toBeGreaterThan(0)
      expect(fs.readdirSync(path.join(dir, 'migrations')).filter((f) => f.endsWith('.sql'))).toEqual(sql)
      expect(fs.existsSync(path.join(dir, 'migrations/meta/_journal.json'))).toBe(true)
    })

    it('index.js requires function.js beside it and nothing else', () => {
      const loader = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
      expect([...loader.matchAll(/require\("([^"]+)"\)|import\("([^"]+)"\)/g)].map((m) => m[1] ?? m[2])).toEqual(['./function.js'])
    })

    it('contains neither PGlite nor the WeChat SDK, and requires the SDK from the platform', () => {
      const code = fs.readFileSync(path.join(dir, 'function.js'), 'utf8')
      // PGlite's package, drizzle's PGlite adapter and PGlite's WASM are all left out (the store's own
      // `kind: 'pglite'` branch stays, unreachable with DATABASE_URL, so the bare word is no test).
      expect(code).not.toMatch(/@electric-sql|drizzle-orm\/pglite|PgliteSession|PgliteDriver|\.wasm\b|WebAssembly/)
      // The SDK is required, not inlined: its own modules (tcb-admin-node, @cloudbase) would show up otherwise.
      expect(code).toContain('require("wx-server-sdk")')
      expect(code).not.toMatch(/tcb-admin-node|@cloudbase\/node-sdk|DYNAMIC_CURRENT_ENV\s*[:=]\s*Symbol/)
      // Only Node built-ins, the SDK and pg's optional native driver are required at run time.
      const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))
      const builtins = new Set(builtinModules)
      const foreign = [...required].filter(
        (name) => !builtins.has(name.replace(/^node:/, '')) && name !== 'wx-server-sdk' && name !== 'pg-native',
      )
      expect(foreign).toEqual([])
    })

    const exports = SPREADSHEET_AREAS.includes(area)
    it(exports ? 'ships the .xlsx writer it loads on an export beside function.js' : 'has no .xlsx writer', async () => {
      const code = fs.readFileSync(path.join(dir, 'function.js'), 'utf8')
      expect(code.includes('import("./exceljs.js")')).toBe(exports)
      expect(fs.existsSync(path.join(dir, 'exceljs.js'))).toBe(exports)
      if (!exports) return
      // Loaded as the export loads it, in plain node: the streaming writer report.workbook.ts uses is there.
      const probe = `import(${JSON.stringify(path.join(dir, 'exceljs.js'))}).then((m) => process.stdout.write(typeof m.default.stream.xlsx.WorkbookWriter))`
      const { stdout } = await promisify(execFile)(process.execPath, ['-e', probe])
      expect(stdout).toBe('function')
    }, 30_000)
  })

  describe('without its environment', () => {
    it('answers INTERNAL (never throws to the platform) and logs what is missing as a JSON line', async () => {
      const run = await runBundle('cards', [{ event: { action: 'publicKey' } }], {})
      expect(run.results).toEqual([{ ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } }])
      const logs = jsonLines(run.stdout + run.stderr)
      expect(logs).toContainEqual(
        expect.objectContaining({
          level: 'error',
          area: 'cards',
          msg: 'cold start failed',
          err: expect.objectContaining({ message: expect.stringContaining('DATABASE_URL') }),
        }),
      )
    }, 30_000)
  })

  const pgReady = process.env.PG_AVAILABLE === '1' || process.env.CI === 'true'
  if (!pgReady) {
    const bar = '!'.repeat(100)
    console.warn(
      `\n${bar}\nNOT RUN: the cloud-bundle run test (cards and auth bundles on PostgreSQL) did NOT run: ` +
        `PostgreSQL at ${process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'} is not reachable ` +
        `(PG_AVAILABLE=${process.env.PG_AVAILABLE ?? 'unset'}). With CI=true it runs and fails instead.\n${bar}\n`,
    )
  }
  ;(pgReady ? describe : describe.skip)('run as a WeChat cloud function on PostgreSQL', () => {
    const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test'
    const dbName = `ldz_deploy_${randomBytes(6).toString('hex')}`
    const databaseUrl = withDatabase(adminUrl, dbName)
    const env = {
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
      CARD_SIGNING_KEY: randomBytes(32).toString('base64url'),
    }
    const openid = `o-test-${randomBytes(8).toString('hex')}`

    beforeAll(async () => {
      await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${dbName}`))
    }, 30_000)

    afterAll(async () => {
      await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`))
    }, 30_000)

    it('cards: public key, a new user’s cards, role and input checks, unknown actions, anonymous callers', async () => {
      const holder = {
        type: 'enterprise',
        name: '威海海川科技有限公司',
        creditCode: '91371002MA3C5XL841',
        qualification: { basis: 'high_tech', detail: '高新技术企业证书 GR202437000123' },
        contact: { name: '张海', phone: '13906311234' },
      }
      const spawnedAt = Date.now()
      const run = await runBundle(
        'cards',
        [
          { event: { action: 'publicKey' } },
          { event: { action: 'mine' }, openid },
          { event: { action: 'issue', holder }, openid },
          { event: { action: 'nope' }, openid },
          { event: { action: 'token', cardId: 'not-a-uuid' }, openid },
          { event: { action: 'mine' } },
          // WeChat adds userInfo to every event; it is not part of the payload.
          { event: { action: 'mine', userInfo: { appId: 'wx0', openId: openid } }, openid },
        ],
        env,
      )
      console.log(
        `cloud bundle cold start: ${run.firstResponseMs.toFixed(0)} ms from process start to the first response ` +
          `(node boot, require of index.js, SDK, PostgreSQL pool, migrations, first call); ` +
          `${Date.now() - spawnedAt} ms for the whole child process`,
      )
      const [publicKey, mine, issue, nope, token, anonymous, withUserInfo] = run.results
      expect(publicKey).toEqual({ ok: true, data: { algorithm: 'Ed25519', publicKey: expect.stringMatching(/^[\w-]{43}$/) } })
      expect(mine).toEqual({ ok: true, data: { items: [] } })
      expect(issue).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(nope).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
      expect(token).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
      // The field's Chinese message, as the host gives it (src/core/common/field-messages.ts): the bundle keeps it.
      const hostMessage = cardSchemas.token.safeParse({ cardId: 'not-a-uuid' }).error!.issues[0].message
      expect(hostMessage).toBe('服务卡格式不正确')
      expect(token.error!.message).toBe(hostMessage)
      expect(anonymous).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      expect(withUserInfo).toEqual({ ok: true, data: { items: [] } })
      // The SDK was initialised once per instance, for the current environment.
      expect(run.sdkInits).toEqual(['DYNAMIC_CURRENT_ENV'])
      const logs = jsonLines(run.stdout)
      expect(logs).toContainEqual(expect.objectContaining({ level: 'info', area: 'cards', msg: 'cold start', store: 'postgres' }))

      // The migrations ran on the fresh database and the OPENID became exactly one user without roles.
      const rows = await withClient(databaseUrl, (client) =>
        client.query('SELECT roles FROM users WHERE openid = $1', [openid]),
      )
      expect(rows.rows).toEqual([{ roles: [] }])
    }, 60_000)

    it('jobs: a timer trigger (no OPENID) runs every scheduled job; the same event from a user is just a bad request', async () => {
      const timer = { Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-10-01T01:00:00Z' }
      const run = await runBundle('jobs', [{ event: timer }, { event: { ...timer, TriggerName: 'deliver' } }, { event: timer, openid }], env)
      const [all, deliverOnly, fromUser] = run.results
      expect(all).toMatchObject({ ok: true, data: { trigger: 'everyFiveMinutes' } })
      expect(all.data.runs.map((r: { job: string }) => r.job)).toEqual(['serviceDays', 'overdue', 'reminders', 'contactCadence', 'policyDeadlines', 'monthlyReport', 'deliver', 'uploadCleanup'])
      expect(all.data.runs.filter((r: { error?: string }) => r.error)).toEqual([])
      expect(deliverOnly).toEqual({ ok: true, data: { trigger: 'deliver', runs: [{ job: 'deliver', changed: 0 }] } })
      expect(fromUser).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    }, 60_000)

    it('auth: dev login never exists in the cloud; the OPENID is the identity', async () => {
      const run = await runBundle(
        'auth',
        [
          { event: { action: 'devLogin', userKey: 'someone-new' } },
          { event: { action: 'devLogin', userKey: 'admin-demo' }, openid },
          { event: { action: 'me' }, openid },
          { event: { action: 'me' } },
        ],
        env,
      )
      const [devLogin, devLoginSignedIn, me, anonymousMe] = run.results
      expect(devLogin).toMatchObject({ ok: false, error: { code: 'DEV_LOGIN_DISABLED' } })
      expect(devLoginSignedIn).toMatchObject({ ok: false, error: { code: 'DEV_LOGIN_DISABLED' } })
      expect(me).toMatchObject({ ok: true, data: { user: { roles: [] } } })
      expect(anonymousMe).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      // The same OPENID as in the cards function: the same user, not a second one.
      const rows = await withClient(databaseUrl, (client) =>
        client.query('SELECT id FROM users WHERE openid = $1', [openid]),
      )
      expect(rows.rows).toEqual([{ id: me.data.user.id }])
    }, 60_000)
  })
})

describe('the local host', () => {
  it('never loads the WeChat SDK or its adapter', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'cloud/host/main.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs).toContain('cloud/host/server.ts') // the metafile does describe the host
    expect(inputs.filter((input) => input.includes('platform/wechat'))).toEqual([])
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
    expect(imports).toContain('fastify')
    expect(imports.filter((p) => p.includes('wx-server-sdk'))).toEqual([])
  })

  it('(control) the cloud entry does load it, so the check above can fail', async () => {
    const result = await build({
      entryPoints: [path.join(ROOT, 'cloud/platform/wechat/cloud-main.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      packages: 'external',
      logLevel: 'silent',
    })
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path))
    expect(imports).toContain('wx-server-sdk')
  })
})

afterAll(removeStandIn)

// ---------------------------------------------------------------------------------------------------------------------

function runBundle(area: string, calls: FunctionCall[], env: Record<string, string>): Promise<FunctionRun> {
  return runFunction(path.join(OUT, area), calls, env)
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line))
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}
