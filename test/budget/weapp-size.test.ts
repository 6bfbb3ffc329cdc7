import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * Size budget of the mini program (WeChat's hard limits: 2 MB main package, 2 MB per subpackage; our budget for the
 * main package is 560 KB, issue 13, where a bare Taro app is about 300 KB). Reads both production builds, which
 * `npm test` makes before jest runs: the HTTP-mode one in dist/weapp and the cloud-mode one (TARO_APP_API_MODE=cloud,
 * wx.cloud.callFunction) in dist/weapp-cloud.
 */
const BUILDS = [
  { folder: 'weapp', command: 'npm run build:weapp' },
  { folder: 'weapp-cloud', command: 'TARO_APP_API_MODE=cloud npm run build:weapp' },
]
const KB = 1024
const MAIN_BUDGET = 560 * KB
const ROOT = join(__dirname, '..', '..')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
}

describe.each(BUILDS)('weapp package sizes of dist/$folder', ({ folder, command }) => {
  const DIST = join(ROOT, 'dist', folder)
  if (!existsSync(join(DIST, 'app.json'))) {
    it('needs the build', () => {
      throw new Error(`dist/${folder}/app.json not found: run \`${command}\` (or npm test) before this test`)
    })
    return
  }

  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as AppJson
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((pkg) => pkg.root.replace(/\/+$/, ''))
  const all = files(DIST).map((path) => ({ path: relative(DIST, path).split(sep).join('/'), size: statSync(path).size }))
  const rootOf = (path: string) => roots.find((root) => path === root || path.startsWith(`${root}/`)) ?? null
  const main = all.filter((file) => rootOf(file.path) === null)
  const mainSize = main.reduce((sum, file) => sum + file.size, 0)
  const subSizes = roots.map((root) => ({
    root,
    size: all.filter((file) => rootOf(file.path) === root).reduce((sum, file) => sum + file.size, 0),
  }))

  it('keeps the main package within 560 KB', () => {
    console.log(
      [
        `${folder} main package: ${(mainSize / KB).toFixed(1)} KB of ${MAIN_BUDGET / KB} KB (${main.length} files)`,
        ...[...main].sort((a, b) => b.size - a.size).map((file) => `  ${file.path}: ${(file.size / KB).toFixed(1)} KB`),
        ...subSizes.map((pkg) => `subpackage ${pkg.root}: ${(pkg.size / KB).toFixed(1)} KB`),
      ].join('\n'),
    )
    expect(mainSize).toBeGreaterThan(0)
    expect(mainSize).toBeLessThanOrEqual(MAIN_BUDGET)
  })

  it('keeps every subpackage under 2 MB', () => {
    expect(subSizes.length).toBeGreaterThan(0)
    for (const pkg of subSizes) expect({ root: pkg.root, ok: pkg.size < 2048 * KB }).toEqual({ root: pkg.root, ok: true })
  })

  it('keeps in the main package only the tab pages and the two pages pushed messages open', () => {
    expect(app.pages).toEqual(['pages/index/index', 'pages/sessions/index', 'pages/card/index', 'pages/mine/index', 'pages/bookings/index', 'pages/problems/detail'])
  })

  it('has every page the code opens or a message links to (pages moved into subpackages change their paths)', () => {
    const registered = new Set([...app.pages, ...[...(app.subPackages ?? []), ...(app.subpackages ?? [])].flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/+$/, '')}/${page}`))])
    // app.config.ts names subpackage pages relative to their root; everywhere else a path starts at the app's root.
    const sources = files(join(ROOT, 'src')).filter((path) => /\.tsx?$/.test(path) && !path.endsWith('app.config.ts'))
    const opened = new Set(sources.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/['`]\/?((?:pages|packages)\/[a-z-]+(?:\/[a-z-]+)+)/g)].map((match) => match[1])))
    expect(opened.size).toBeGreaterThan(20)
    expect([...opened].filter((page) => !registered.has(page) || !existsSync(join(DIST, `${page}.js`)))).toEqual([])
  })

  it('keeps the staff and admin pages out of the main package', () => {
    expect(roots).toEqual(expect.arrayContaining(['packages/staff', 'packages/admin']))
    for (const page of app.pages) expect(page).not.toMatch(/^packages\//)
    expect(main.filter((file) => /^packages\/(staff|admin)\//.test(file.path))).toEqual([])
    for (const page of ['packages/staff/pages/verify/index', 'packages/admin/pages/cards/index', 'packages/admin/pages/issue/index']) {
      expect(existsSync(join(DIST, `${page}.js`))).toBe(true)
    }
  })

  it('keeps zod (only the admin form validates with it) out of the main package', () => {
    // A message of the shared credit-code schema, as written in the source or as \uXXXX escapes after minifying.
    const marker = '统一社会信用代码校验位不正确'
    const escaped = [...marker].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
    const has = (path: string) => {
      const code = readFileSync(join(DIST, path), 'utf8')
      return code.includes(marker) || code.toLowerCase().includes(escaped)
    }
    expect(all.filter((file) => file.path.endsWith('.js') && file.path.startsWith('packages/admin/')).some((file) => has(file.path))).toBe(true)
    expect(main.filter((file) => file.path.endsWith('.js') && has(file.path)).map((file) => file.path)).toEqual([])
  })

  it('keeps zod itself and the holiday table out of the main package (problem labels come from a zod-free copy)', () => {
    const js = main.filter((file) => file.path.endsWith('.js'))
    const offenders = js.filter((file) => {
      const code = readFileSync(join(DIST, file.path), 'utf8')
      return code.includes('ZodError') || code.includes('National Day')
    })
    expect(offenders.map((file) => file.path)).toEqual([])
  })

  it('leaves out what only H5 or components the app does not use need: desktop sign-in, mobx checks, NutUI number fonts', () => {
    const mainText = (ext: string) => main.filter((file) => file.path.endsWith(ext)).map((file) => readFileSync(join(DIST, file.path), 'utf8'))
    // Each marker is where it comes from, so the test cannot pass on a stale one.
    const markers = [
      { ext: '.js', text: 'desktopChallenge', source: 'src/stores/desktop-sign-in.store.ts' },
      { ext: '.js', text: 'Intercept handlers should return nothing', source: 'node_modules/mobx/dist/mobx.mjs' },
      { ext: '.wxss', text: 'JDZH-Regular', source: 'node_modules/@nutui/nutui-react-taro/dist/styles/themes/default.css' },
    ]
    for (const { ext, text, source } of markers) {
      expect({ text, inSource: readFileSync(join(ROOT, source), 'utf8').includes(text) }).toEqual({ text, inSource: true })
      expect({ text, inMain: mainText(ext).some((code) => code.includes(text)) }).toEqual({ text, inMain: false })
    }
  })
})
