import fs from 'node:fs'
import path from 'node:path'
import globalSetup from '../support/global-setup'
import { startHost, storesUnderTest } from '../support/host'
import { benchBookings } from './bookings.bench'
import { benchCards } from './cards.bench'
import { benchH5 } from './h5.bench'

/** `npm run bench`: prints numbers; asserts nothing. Needs the H5 build for the first-render figure. */
async function main() {
  await globalSetup()
  for (const store of storesUnderTest()) {
    const host = await startHost(store, { RATE_LIMIT_PER_MINUTE: '1000000', DB_POOL_SIZE: '40', CLOCK_START: '2027-01-04T08:00:00+08:00' })
    try {
      await benchCards(host)
      if (store === 'postgres') await benchBookings(host)
      if (store === 'pglite' && process.env.CHROMIUM_PATH && fs.existsSync(path.resolve(__dirname, '../../dist/h5/index.html'))) {
        await benchH5(host)
      }
    } finally {
      await host.stop()
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
