import { spawn } from 'node:child_process'
import path from 'node:path'
import { ensureBuild } from './build'

/**
 * `npm start`: the whole product locally. Builds the H5 version when sources changed, then runs the host on the
 * embedded PGlite store with dev login and demo data. Any variable of the host (PORT, DATA_DIR, DATABASE_URL…) may
 * be set in the environment.
 */
ensureBuild('h5')
const root = path.resolve(__dirname, '..')
const host = spawn(path.join(root, 'node_modules/.bin/tsx'), [path.join(root, 'cloud/host/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { DEV_LOGIN: '1', STATIC_DIR: path.join(root, 'dist/h5'), ...process.env },
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => host.kill(signal))
host.on('exit', (code) => process.exit(code ?? 0))
