import fs from 'node:fs'
import path from 'node:path'

/** The dependency rules of DESIGN.md §3, checked on every import in the tree. */
const ROOT = path.resolve(__dirname, '../..')
const CORE_PACKAGES = ['zod', '@noble/curves', '@scure/base', 'dayjs', 'chinese-days']

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(relative)
    return /\.(ts|tsx)$/.test(entry.name) ? [relative] : []
  })
}

function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8')
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|^import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1])
  return found.map((spec) => (spec.startsWith('.') ? path.join(path.dirname(file), spec) : spec))
}

const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0])

describe('dependency direction', () => {
  it('keeps src/core pure: only its own files and a few pure libraries, no Node, no Taro, no I/O', () => {
    const offenders = sourceFiles('src/core').flatMap((file) =>
      imports(file)
        .filter((spec) => !(spec.startsWith('src/core/') || CORE_PACKAGES.includes(packageOf(spec))))
        .map((spec) => `${file} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  it('never imports the backend from the mini program', () => {
    const offenders = sourceFiles('src').flatMap((file) =>
      imports(file).filter((spec) => spec.startsWith('cloud/') || spec.includes('/cloud/')).map((spec) => `${file} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  it('lets the backend use only the core of src/', () => {
    const offenders = sourceFiles('cloud').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('src/') && !spec.startsWith('src/core/'))
        .map((spec) => `${file} imports ${spec}`),
    )
    expect(offenders).toEqual([])
  })

  it('lets no core function read the clock or make ids itself', () => {
    const offenders = sourceFiles('src/core')
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /Date\.now\(|new Date\(\)|Math\.random\(|randomUUID/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')))
    expect(offenders).toEqual([])
  })
})
