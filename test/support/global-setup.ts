import fs from 'node:fs'
import { Client } from 'pg'

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test'
const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]

/**
 * Finds the external parts some tests need. Tests that need one run whenever it is present; with CI=true a missing
 * part fails the run here, and locally its absence is announced loudly instead of passing silently.
 */
export default async function globalSetup(): Promise<void> {
  const pgUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? DEFAULT_PG_URL
  const pgError = await probePostgres(pgUrl)
  const chromium = CHROMIUM_CANDIDATES.find((candidate) => fs.existsSync(candidate))
  process.env.PG_AVAILABLE = pgError ? '0' : '1'
  process.env.TEST_DATABASE_URL = pgUrl
  if (chromium) process.env.CHROMIUM_PATH = chromium

  const missing = [
    pgError && `PostgreSQL at ${pgUrl} (${pgError}): the PostgreSQL runs of the integration tests`,
    !chromium && 'Chromium (/usr/bin/chromium; apt-get install -y chromium): the end-to-end tests',
  ].filter(Boolean)
  if (missing.length === 0) return
  if (process.env.CI === 'true') throw new Error(`CI requires every external part. Missing:\n- ${missing.join('\n- ')}`)
  const bar = '!'.repeat(100)
  process.stderr.write(`\n${bar}\nNOT RUN — these tests are skipped because a part is missing:\n- ${missing.join('\n- ')}\n${bar}\n\n`)
}

async function probePostgres(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  } finally {
    await client.end().catch(() => {})
  }
}
