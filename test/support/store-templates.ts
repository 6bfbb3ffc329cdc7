import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Client } from 'pg'
import { MIGRATIONS_FOLDER, openStore } from '../../cloud/db/store'

/**
 * Migrated, empty stores to copy instead of migrating each test's store from nothing: PGlite's initdb and the
 * migrations took 13 s of CPU per host start (CI started some forty), PostgreSQL's migrations 1–3 s per database.
 * Each template is named by a hash of the migrations (and PGlite's version), so a changed migration makes a new one;
 * the store still runs its migrations on open, which finds them applied.
 */
const ROOT = path.resolve(__dirname, '../..')

let hashed: string | null = null

/** Read once per process: every test database asks for the template's name. */
function migrationsHash(): string {
  hashed ??= hashMigrations()
  return hashed
}

function hashMigrations(): string {
  const hash = createHash('sha256')
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name)
      hash.update(path.relative(MIGRATIONS_FOLDER, file))
      if (entry.isDirectory()) walk(file)
      else hash.update(fs.readFileSync(file))
    }
  }
  walk(MIGRATIONS_FOLDER)
  hash.update(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')))
  return hash.digest('hex').slice(0, 12)
}

let pgliteTemplate: Promise<string> | null = null

/**
 * A PGlite folder, migrated, in the temporary directory; built once per machine and set of migrations (in a child
 * process: PGlite's WASM needs a flag jest does not set). Two test runs building it at once both build, one keeps it.
 */
export function pgliteTemplateDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = path.join(os.tmpdir(), `ldz-pglite-template-${migrationsHash()}`)
    if (fs.existsSync(dir)) return dir
    const building = `${dir}.build-${randomBytes(4).toString('hex')}`
    const script = `require('./cloud/db/store').openStore({ dataDir: ${JSON.stringify(building)} }).then((store) => store.close())`
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] })
      let errors = ''
      child.stderr!.on('data', (chunk) => (errors += chunk))
      child.on('error', reject)
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`PGlite template: exit ${code}\n${errors}`))))
    })
    try {
      fs.renameSync(building, dir)
    } catch (error) {
      if (!fs.existsSync(dir)) throw error
      fs.rmSync(building, { recursive: true, force: true })
    }
    return dir
  })()
  return pgliteTemplate
}

/** Copies the migrated PGlite template to `dataDir` unless a store is there already. */
export async function preparePglite(dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir)) return
  fs.cpSync(await pgliteTemplateDir(), dataDir, { recursive: true })
}

/** Session-level advisory lock around building the PostgreSQL template ('ldzt'). */
const TEMPLATE_LOCK = 0x6c647a74

/**
 * The name of a migrated PostgreSQL database to use as `CREATE DATABASE … TEMPLATE`, built once per server and set
 * of migrations under an advisory lock (test runs side by side share it); templates of other migrations are dropped.
 */
export async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `ldz_template_${migrationsHash()}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK])
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])
    if (rowCount === 0) {
      const building = `${name}_build`
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`)
      await admin.query(`CREATE DATABASE ${building}`)
      const url = new URL(adminUrl)
      url.pathname = `/${building}`
      const store = await openStore({ databaseUrl: url.toString(), poolSize: 1 })
      await store.close()
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`)
      const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'ldz\\_template\\_%' AND datname <> $1", [name])
      for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`)
    }
    return name
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined)
    await admin.end()
  }
}
