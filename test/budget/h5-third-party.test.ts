import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * The H5 build loads nothing from third-party hosts (issue 15, defect 7: NutUI's Empty hot-linked its picture from
 * JD's CDN, which the page's CSP blocked). No script, style, image or font address of another host in what is shipped;
 * names like the SVG namespace (http://www.w3.org/2000/svg) are not loaded and do not count.
 */
const DIST = join(__dirname, '..', '..', 'dist', 'h5')
const LOADED = /\b(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/[^\s"'`()<>\\]*?\.(?:png|jpe?g|gif|webp|svg|ico|js|mjs|css|woff2?|ttf|otf)(?=[?#"'`)\s\\]|$)/gi

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]))
}

describe('the H5 build', () => {
  if (!existsSync(join(DIST, 'index.html'))) {
    it('needs the build', () => {
      throw new Error('dist/h5/index.html not found: run `npm run build:h5` (or npm test) before this test')
    })
    return
  }

  it('names no script, style, image or font on a third-party host', () => {
    const shipped = files(DIST).filter((path) => /\.(js|css|html)$/.test(path))
    expect(shipped.length).toBeGreaterThan(20)
    const found = shipped.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(LOADED)].map((match) => `${relative(DIST, path).split(sep).join('/')}: ${match[0]}`))
    expect(found).toEqual([])
  })

  it('would have found the CDN picture of NutUI Empty', () => {
    const empty = readFileSync(require.resolve('@nutui/nutui-react-taro/dist/es/packages/empty/empty.js'), 'utf8')
    expect([...empty.matchAll(LOADED)].map((match) => match[0])).toContain(
      'https://storage.360buyimg.com/imgtools/30186cfda0-0d3eee40-c0ac-11ee-9382-9125782aa3b8.png',
    )
  })
})
