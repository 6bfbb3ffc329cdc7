import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * Size budget of the mini program (WeChat's hard limits: 2 MB main package, 2 MB per subpackage; our budget for the
 * main package is 1,024 KB). Reads the production build in dist/weapp, which is built before jest runs.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'weapp')
const KB = 1024

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

describe('weapp package sizes', () => {
  if (!existsSync(join(DIST, 'app.json'))) {
    it('needs the weapp build', () => {
      throw new Error(`dist/weapp/app.json not found: run \`npm run build:weapp\` before this test`)
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

  it('keeps the main package under 1,024 KB', () => {
    const biggest = [...main].sort((a, b) => b.size - a.size).slice(0, 8)
    console.log(
      [
        `weapp main package: ${(mainSize / KB).toFixed(1)} KB (${main.length} files)`,
        ...biggest.map((file) => `  ${file.path}: ${(file.size / KB).toFixed(1)} KB`),
        ...subSizes.map((pkg) => `subpackage ${pkg.root}: ${(pkg.size / KB).toFixed(1)} KB`),
      ].join('\n'),
    )
    expect(mainSize).toBeGreaterThan(0)
    expect(mainSize).toBeLessThan(1024 * KB)
  })

  it('keeps every subpackage under 2 MB', () => {
    expect(subSizes.length).toBeGreaterThan(0)
    for (const pkg of subSizes) expect({ root: pkg.root, ok: pkg.size < 2048 * KB }).toEqual({ root: pkg.root, ok: true })
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
})
