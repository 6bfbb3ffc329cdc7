import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { ensureBuild } from './build'

/**
 * `npm test`: type check, lint (`npm run lint`: the import direction of DESIGN.md §3, eslint.config.mjs), fresh H5
 * and weapp builds (the weapp in HTTP and in cloud mode; the end-to-end and size-budget tests use them), then every
 * jest project. Arguments go to jest, e.g. `npm test -- --selectProjects core`.
 */
const root = path.resolve(__dirname, '..')
const run = (command: string, args: string[]) =>
  spawnSync(path.join(root, 'node_modules/.bin', command), args, { cwd: root, stdio: 'inherit' }).status ?? 1

const started = Date.now()
if (run('tsc', ['--noEmit', '-p', '.']) !== 0) process.exit(1)
if (spawnSync('npm', ['run', '--silent', 'lint'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1)
ensureBuild('h5')
ensureBuild('weapp')
ensureBuild('weapp-cloud')
const status = run('jest', [...(process.env.CI === 'true' ? ['--ci'] : []), ...process.argv.slice(2)])
process.stdout.write(`npm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
process.exit(status)
