/**
 * `tsx test/support/pglite-query.ts <DATA_DIR> <sql>…`: runs SQL statements on the host's PGlite folder in DATA_DIR (as
 * the host opens it: lock file, migrations) and prints each statement's rows as one JSON array. For tests that check
 * what a command wrote to PGlite: jest cannot load PGlite's WASM in process.
 */
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { openStore } from '../../cloud/db/store'
import { lockDataDir } from '../../cloud/host/data-lock'

async function main() {
  const [dataDir, ...statements] = process.argv.slice(2)
  const unlock = lockDataDir(dataDir)
  try {
    const store = await openStore({ dataDir: path.join(dataDir, 'pglite') })
    try {
      const results: unknown[] = []
      for (const statement of statements) results.push(((await store.db.execute(sql.raw(statement))) as unknown as { rows: unknown[] }).rows)
      process.stdout.write(`${JSON.stringify(results)}\n`)
    } finally {
      await store.close()
    }
  } finally {
    unlock()
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
