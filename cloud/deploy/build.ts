/**
 * `npm run build:cloud`: bundles every backend area into `cloudfunctions/<area>/` for WeChat cloud development (CommonJS
 * for the Node 16 runtime): index.js, a small loader exporting `main` (lazy-main.ts), which requires function.js on
 * the first call; function.js, the area's entry (entries/<area>.ts) bundled, that area's actions alone (never AREAS,
 * which holds every area); for reports exceljs.js, the .xlsx writer; package.json (only `wx-server-sdk`, which the
 * platform installs); the SQL migrations the function applies on a cold start; and config.json.
 */
import fs from 'node:fs'
import path from 'node:path'
import { build, type BuildResult, type Metafile, type Plugin } from 'esbuild'
import { AREAS } from '../functions/index'
import { JOBS_TRIGGER, JOBS_TRIGGER_CRON } from '../platform/wechat/timer'

const ROOT = path.resolve(__dirname, '../..')
export const OUT_DIR = path.join(ROOT, 'cloudfunctions')
const MIGRATIONS = path.join(ROOT, 'cloud/db/migrations')
const ENTRIES = path.join(__dirname, 'entries')

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
 * src/core runs nothing when it is loaded but zod's config (the pure core of DESIGN.md §3), so a module of it
 * whose exports a function does not use can be left out, as a package marked `sideEffects: false` would be. Without
 * this esbuild keeps such a module for its top-level statements: the cards function held the holiday tables of
 * chinese-days (44 KB) because it uses one function of the module that imports them.
 */
const pureCore: Plugin = {
  name: 'pure-core',
  setup(b) {
    b.onResolve({ filter: /^\./ }, async (args) => {
      const intoCore = /[\\/]src[\\/]core[\\/]/.test(args.importer) || /(^|\/)src\/core\//.test(args.path)
      if (args.pluginData === 'pure-core' || !intoCore) return undefined
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'pure-core' })
      const core = /[\\/]src[\\/]core[\\/]/.test(resolved.path) && !/[\\/]common[\\/]zod\.ts$/.test(resolved.path)
      return resolved.errors.length === 0 && core ? { ...resolved, sideEffects: false } : resolved
    })
  },
}

/** The function's code beside index.js, which index.js loads on the first call. */
const FUNCTION_FILE = 'function.js'
const LOADER = `import { lazyMain } from './lazy-main'\nexport const main = lazyMain(async () => require('./${FUNCTION_FILE}'))\n`

/**
 * The .xlsx writer (exceljs, about 1.2 MB minified, more than the rest of a function) is loaded by the exports of
 * reports and survey results alone, lazily. It is bundled into a file of its own beside function.js, loaded on the
 * first export, so that every other cold start of those functions leaves it unread.
 */
const SPREADSHEET_FILE = 'exceljs.js'
export const SPREADSHEET_AREAS: readonly string[] = ['reports', 'surveys']

/** Files beside index.js stay files of their own: required at run time, not bundled. */
const filesBeside: Plugin = {
  name: 'files-beside',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: `./${SPREADSHEET_FILE}`, external: true }))
    b.onResolve({ filter: /^\.\/function\.js$/ }, (args) => ({ path: args.path, external: true }))
  },
}

/** The files beside it that a bundle requires (`./…`), which must be shipped with it. */
export function localRequires(metafile: Metafile): string[] {
  return Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external && i.path.startsWith('./')).map((i) => i.path.slice(2)),
  )
}

/** The same options for every cloud bundle, and for the bench's bare function it is measured against. */
export function bundle(
  options: { contents: string; outfile: string; write?: boolean } | { entry: string; outfile: string; write?: boolean },
): Promise<BuildResult<{ metafile: true }>> {
  return build({
    ...('entry' in options
      ? { entryPoints: [options.entry] }
      : { stdin: { contents: options.contents, resolveDir: __dirname, sourcefile: 'main.ts', loader: 'ts' as const } }),
    absWorkingDir: ROOT,
    outfile: options.outfile,
    write: options.write ?? true,
    bundle: true,
    platform: 'node',
    target: TARGET,
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    external: EXTERNAL,
    plugins: [noEmbeddedStore, pureCore, filesBeside],
    metafile: true,
    logLevel: 'warning',
  })
}

/** An area's code (function.js): its entry bundled. */
export async function bundleArea(area: string, options: { outfile: string; write?: boolean }): Promise<BuildResult<{ metafile: true }>> {
  const entry = path.join(ENTRIES, `${area}.ts`)
  if (!fs.existsSync(entry)) throw new Error(`${area} has no entry: add ${path.relative(ROOT, entry)}`)
  const result = await bundle({ entry, ...options })
  checkMetafile(area, result.metafile)
  return result
}

export interface AreaBuild {
  area: string
  bytes: number
  ms: number
}

/** Writes `<outDir>/<area>/`, the folder that is uploaded as the area's function. */
export async function buildArea(area: string, outDir = OUT_DIR): Promise<AreaBuild> {
  const startedAt = Date.now()
  const dir = path.join(outDir, area)
  // Keep anything else in the folder: WeChat DevTools installs the function's node_modules here.
  fs.rmSync(path.join(dir, 'migrations'), { recursive: true, force: true })
  fs.mkdirSync(dir, { recursive: true })
  fs.rmSync(path.join(dir, SPREADSHEET_FILE), { force: true })
  await bundle({ contents: LOADER, outfile: path.join(dir, 'index.js') })
  const { metafile } = await bundleArea(area, { outfile: path.join(dir, FUNCTION_FILE) })
  if (localRequires(metafile).includes(SPREADSHEET_FILE)) {
    await bundle({ entry: require.resolve('exceljs'), outfile: path.join(dir, SPREADSHEET_FILE) })
  }

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

  return { area, bytes: fs.statSync(path.join(dir, FUNCTION_FILE)).size, ms: Date.now() - startedAt }
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

/**
 * Fails the build when the bundle took in something that must not run (or cannot be installed) in the cloud, another
 * area's action table (cloud/functions/<other>/*.actions.ts: the entry imports its own area alone), or requires the
 * .xlsx writer outside the reports function.
 */
export function checkMetafile(area: string, metafile: Metafile): void {
  const forbidden = Object.keys(metafile.inputs).filter((input) => {
    const tableOf = actionTableArea(input)
    return (
      /node_modules[\\/](@electric-sql[\\/]pglite|wx-server-sdk)[\\/]|drizzle-orm[\\/]pglite[\\/]/.test(input) ||
      (tableOf !== null && tableOf !== area)
    )
  })
  if (!SPREADSHEET_AREAS.includes(area) && localRequires(metafile).includes(SPREADSHEET_FILE)) forbidden.push(SPREADSHEET_FILE)
  if (forbidden.length > 0) throw new Error(`cloudfunctions/${area}: bundle contains ${forbidden.join(', ')}`)
}

/** The area whose action table an input file is (`cloud/functions/<area>/….actions.ts`), or null. */
export function actionTableArea(input: string): string | null {
  return /^cloud[\\/]functions[\\/]([^\\/]+)[\\/][^\\/]+\.actions\.ts$/.exec(input)?.[1] ?? null
}

export async function buildCloud(): Promise<AreaBuild[]> {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  return Promise.all(Object.keys(AREAS).map((area) => buildArea(area)))
}

if (require.main === module) {
  const startedAt = Date.now()
  buildCloud()
    .then((builds) => {
      for (const { area, bytes, ms } of builds) {
        process.stdout.write(`cloudfunctions/${area}/${FUNCTION_FILE}  ${(bytes / 1024).toFixed(1)} KB  (${ms} ms)\n`)
      }
      process.stdout.write(`built ${builds.length} cloud functions in ${Date.now() - startedAt} ms\n`)
    })
    .catch((error) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`)
      process.exit(1)
    })
}
