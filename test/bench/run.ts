import fs from 'node:fs'
import path from 'node:path'
import globalSetup from '../support/global-setup'
import { startHost, storesUnderTest, type RunningHost } from '../support/host'
import { benchBookings } from './bookings.bench'
import { benchCards } from './cards.bench'
import { benchCloud } from './cloud.bench'
import { benchDashboard } from './dashboard.bench'
import { benchH5 } from './h5.bench'
import { benchLedger } from './ledger.bench'
import { benchSync } from './sync.bench'
import { BENCH_HOST_ENV, keptDatabase } from './problems.fixture'
import { printVerdicts } from './verdict'

/**
 * `npm run bench [names…]`: prints numbers, asserts nothing. Names: cards, cloud, h5, bookings, ledger, dashboard, sync
 * (default: all). bookings, ledger, dashboard and sync need PostgreSQL (ledger and dashboard share one generation of 1,000,000
 * problems); h5 needs Chromium and the H5 build.
 */
const BENCHES: Array<{ name: string; stores: string[]; run: (host: RunningHost) => Promise<void>; ready?: () => boolean }> = [
  { name: 'cards', stores: ['pglite', 'postgres'], run: benchCards },
  { name: 'cloud', stores: ['pglite'], run: benchCloud },
  { name: 'h5', stores: ['pglite'], run: benchH5, ready: () => !!process.env.CHROMIUM_PATH && fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html')) },
  { name: 'bookings', stores: ['postgres'], run: benchBookings },
  { name: 'ledger', stores: ['postgres'], run: benchLedger },
  { name: 'dashboard', stores: ['postgres'], run: benchDashboard },
  { name: 'sync', stores: ['postgres'], run: benchSync },
]

async function main() {
  await globalSetup()
  const only = process.argv.slice(2)
  const chosen = BENCHES.filter((b) => only.length === 0 || only.includes(b.name))
  for (const store of storesUnderTest()) {
    const here = chosen.filter((b) => b.stores.includes(store) && (b.ready?.() ?? true))
    if (here.length === 0) continue
    const host = await startHost(store, { ...BENCH_HOST_ENV, ...(store === 'postgres' ? await keptDatabase('1m') : {}) })
    try {
      for (const bench of here) await bench.run(host)
    } finally {
      await host.stop()
    }
  }
  printVerdicts()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
