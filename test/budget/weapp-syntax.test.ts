import { parse } from 'acorn'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * What the mini program ships matches what project.config.json tells WeChat. With `es6: false` WeChat uploads the files
 * as they are, so each must already be in the syntax its runtime takes: ES2020 (babel.config.js: the offline card's
 * BigInt sets the floor, iOS 14's JavaScriptCore). Minified, and components loaded when a page needs them.
 */
const ROOT = join(__dirname, '..', '..')
const BUILDS = ['weapp', 'weapp-cloud']
const ECMA_VERSION = 2020

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : [path]
  })
}

const project = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8')) as { setting: Record<string, unknown> }

it('keeps WeChat from recompiling what the build wrote, and asks it to minify', () => {
  expect(project.setting).toMatchObject({ es6: false, enhance: false, minified: true })
})

describe.each(BUILDS)('shipped code of dist/%s', (folder) => {
  const DIST = join(ROOT, 'dist', folder)
  if (!existsSync(join(DIST, 'app.json'))) {
    it('needs the build', () => {
      throw new Error(`dist/${folder}/app.json not found: build the mini program (npm test does) before this test`)
    })
    return
  }
  const scripts = files(DIST)
    .filter((path) => path.endsWith('.js'))
    .map((path) => ({ path: relative(DIST, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }))

  it(`parses every .js file as ES${ECMA_VERSION}`, () => {
    expect(scripts.length).toBeGreaterThan(20)
    const newer = scripts.flatMap(({ path, text }) => {
      try {
        parse(text, { ecmaVersion: ECMA_VERSION, sourceType: 'script' })
        return []
      } catch (error) {
        return [`${path}: ${(error as Error).message}`]
      }
    })
    expect(newer).toEqual([])
  })

  it('ships minified scripts (no file of more than 2 KB has short lines)', () => {
    const loose = scripts.filter(({ text }) => text.length > 2048 && text.length / text.split('\n').length < 500).map(({ path }) => path)
    expect(loose).toEqual([])
  })

  it('loads components lazily', () => {
    expect(JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8'))).toMatchObject({ lazyCodeLoading: 'requiredComponents' })
  })
})
