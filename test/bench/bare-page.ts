import path from 'node:path'
import Fastify from 'fastify'
import { registerStaticFiles } from '../../cloud/host/static-files'
import { buildUnlessFresh } from '../../tools/build'

const ROOT = path.resolve(__dirname, '../..')
const FIXTURE = path.join(__dirname, 'fixtures/bare-taro')
export const BARE_DIR = path.join(ROOT, 'dist/bare-h5')

/**
 * The reference of the H5 bench: Taro's template page built by the same Taro with the product's H5 file names and
 * precompression (test/bench/fixtures/bare-taro), rebuilt only when the fixture, the precompression or the
 * dependencies changed, and served by the host's own static-file rules. Answers its URL and a stop function.
 */
export async function serveBarePage(): Promise<{ url: string; stop: () => Promise<void> }> {
  buildUnlessFresh({
    name: 'bare-h5',
    projectDir: FIXTURE,
    inputs: [FIXTURE, path.join(ROOT, 'config/precompress.ts'), path.join(ROOT, 'package-lock.json')],
    outDir: BARE_DIR,
    type: 'h5',
    env: {},
  })
  const app = Fastify()
  await registerStaticFiles(app, BARE_DIR)
  const url = await app.listen({ host: '127.0.0.1', port: 0 })
  return { url, stop: () => app.close() }
}
