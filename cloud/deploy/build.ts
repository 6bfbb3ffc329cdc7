/**
 * `npm run build:cloud`: bundles every backend area into `cloudfunctions/<area>/` for WeChat cloud development —
 * index.js (one CommonJS file for the Node 16 runtime, exporting `main`), package.json (only `wx-server-sdk`, which
 * the platform installs), the SQL migrations the function applies on a cold start, and config.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build, type Metafile, type Plugin } from 'esbuild'
import { AREAS } from '../functions/index'
import { JOBS_TRIGGER, JOBS_TRIGGER_CRON } from '../platform/wechat/timer'

const ROOT = path.resolve(__dirname, '../..')
export const OUT_DIR = path.join(ROOT, 'cloudfunctions')
const MIGRATIONS = path.join(ROOT, 'cloud/db/migrations')
const CLOUD_MAIN = path.join(ROOT, 'cloud/platform/wechat/cloud-main.ts')

/** WeChat cloud functions run Node 16. */
const TARGET = 'node16'
const WX_SERVER_SDK_VERSION = '~4.0.2'
/** Installed by the platform (the SDK) or never loaded in the cloud (native pg, the embedded store). */
const EXTERNAL = ['wx-server-sdk', 'pg-native', '@electric-sql/pglite']

/**
 * The store loads the embedded PGlite driver lazily and only without DATABASE_URL, which a cloud function always has.
 * Left alone, esbuild would still bundle drizzle's PGlite adapter (and point at the external PGlite package); this
 * replaces both with a module that fails loudly if it is ever reached.
 */
const noEmbeddedStore: Plugin = {
  name: 'no-embedded-store',
  setup(b) {
    b.onResolve({ filter: /^(@electric-sql\/pglite|drizzle-orm\/pglite)(\/.*)?$/ }, () => ({
      path: 'embedded-store',
      namespace: 'no-embedded-store',
    }))
    b.onLoad({ filter: /.*/, namespace: 'no-embedded-store' }, () => ({
      contents: "throw new Error('The embedded store is not part of a cloud function: set DATABASE_URL')",
      loader: 'js',
    }))
  },
}

/**
 * The .xlsx writer (exceljs, about 1.3 MB minified) is loaded lazily by the reports area's export only. Every bundle
 * contains every area's code, so outside the reports function it is replaced by a module that fails loudly if ever
 * reached: the other functions keep their size and cold start.
 */
function spreadsheetOnlyIn(owner: string, area: string): Plugin {
  return {
    name: 'spreadsheet-only-in-reports',
    setup(b) {
      if (area === owner) return
      b.onResolve({ filter: /^exceljs(\/.*)?$/ }, () => ({ path: 'exceljs', namespace: 'no-spreadsheet' }))
      b.onLoad({ filter: /.*/, namespace: 'no-spreadsheet' }, () => ({
        contents: `throw new Error('exceljs is bundled in the ${owner} function only')`,
        loader: 'js',
      }))
    },
  }
}

export interface AreaBuild {
  area: string
  bytes: number
  ms: number
}

async function buildArea(area: string): Promise<AreaBuild> {
  const startedAt = Date.now()
  const dir = path.join(OUT_DIR, area)
  // Keep anything else in the folder: WeChat DevTools installs the function's node_modules here.
  fs.rmSync(path.join(dir, 'migrations'), { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })

  const entry = `export const main = createCloudMain(${JSON.stringify(area)})\n`
  const result = await build({
    stdin: {
      contents: `import { createCloudMain } from ${JSON.stringify(CLOUD_MAIN)}\n${entry}`,
      resolveDir: ROOT,
      sourcefile: `cloudfunctions/${area}/entry.ts`,
      loader: 'ts',
    },
    outfile: path.join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: EXTERNAL,
    plugins: [noEmbeddedStore, spreadsheetOnlyIn('reports', area)],
    metafile: true,
    logLevel: 'warning',
  })
  checkMetafile(area, result.metafile)

  const pkg = {
    name: area,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'wx-server-sdk': WX_SERVER_SDK_VERSION },
  }
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  fs.cpSync(MIGRATIONS, path.join(dir, 'migrations'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'config.json'), `${JSON.stringify(functionConfig(area), null, 2)}\n`)

  return { area, bytes: fs.statSync(path.join(dir, 'index.js')).size, ms: Date.now() - startedAt }
}

/**
 * A function's config.json. The jobs function alone pushes subscribe messages (云调用 must be allowed per API) and has
 * the timer trigger (WeChat allows one per function, cron with seconds and year: every five minutes it runs every job,
 * as the local host's scheduler does); 60 s is the longest a cloud function may run.
 */
export function functionConfig(area: string): object {
  if (area === 'jobs') {
    return {
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: 60,
      triggers: [{ name: JOBS_TRIGGER, type: 'timer', config: JOBS_TRIGGER_CRON }],
    }
  }
  return { permissions: { openapi: [] }, timeout: 20 }
}

/** Fails the build when the bundle took in something that must not run (or cannot be installed) in the cloud. */
function checkMetafile(area: string, metafile: Metafile): void {
  const forbidden = Object.keys(metafile.inputs).filter((input) =>
    /node_modules[\\/](@electric-sql[\\/]pglite|wx-server-sdk)[\\/]|drizzle-orm[\\/]pglite[\\/]/.test(input),
  )
  if (forbidden.length > 0) throw new Error(`cloudfunctions/${area}: bundle contains ${forbidden.join(', ')}`)
}

export async function buildCloud(): Promise<AreaBuild[]> {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  return Promise.all(Object.keys(AREAS).map(buildArea))
}

if (require.main === module) {
  const startedAt = Date.now()
  buildCloud()
    .then((builds) => {
      for (const { area, bytes, ms } of builds) {
        process.stdout.write(`cloudfunctions/${area}/index.js  ${(bytes / 1024).toFixed(1)} KB  (${ms} ms)\n`)
      }
      process.stdout.write(`built ${builds.length} cloud functions in ${Date.now() - startedAt} ms\n`)
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
      process.exit(1)
    })
}
