import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * The H5 build's service worker (config/offline-shell.ts, issue 14) must hold every file the app may load, or a page
 * opened without a network for the first time would fail to load its code.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'h5')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
}

describe('the H5 service worker', () => {
  if (!existsSync(join(DIST, 'sw.js'))) {
    it('needs the build', () => {
      throw new Error('dist/h5/sw.js not found: run `npm run build:h5` (or npm test) before this test')
    })
    return
  }

  it('precaches every script, style and page of the build, and nothing compressed twice', () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8')
    const listed: string[] = JSON.parse(/FILES\s*=\s*(\[[^\]]*\])/.exec(worker)![1])
    const shipped = files(DIST)
      .map((path) => `/${relative(DIST, path).split(sep).join('/')}`)
      .filter((path) => /\.(js|css|html)$/.test(path) && path !== '/sw.js')
    expect(shipped.length).toBeGreaterThan(20)
    expect(shipped.filter((path) => !listed.includes(path))).toEqual([])
    expect(listed.filter((path) => /\.(br|gz|map)$/.test(path))).toEqual([])
    expect(listed).toContain('/index.html')
  })

  it('precaches at most 1.2 MB as sent (brotli): a phone fetches it all on its first visit', () => {
    const worker = readFileSync(join(DIST, 'sw.js'), 'utf8')
    const listed: string[] = JSON.parse(/FILES\s*=\s*(\[[^\]]*\])/.exec(worker)![1])
    // A file too small to be worth compressing has no .br sibling and is sent as is.
    const sent = listed.map((path) => join(DIST, path)).reduce((sum, file) => sum + statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size, 0)
    // Page chunks share their libraries' files (config/index.ts); when each carried its own copy this was 3.0 MB.
    expect(sent).toBeLessThan(1.2 * 1024 * 1024)
  })
})
