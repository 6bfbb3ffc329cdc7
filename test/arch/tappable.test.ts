import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '../..')
const SOURCES = execSync("git ls-files 'src/*.tsx'", { cwd: ROOT }).toString().trim().split('\n')

/** Each element of every page and component, by where it is and what it is called. */
function elements(visit: (where: string, tag: string, attributes: string[]) => void) {
  for (const file of SOURCES) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
    const walk = (node: ts.Node) => {
      if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
        const attributes = node.attributes.properties.flatMap((a) => (ts.isJsxAttribute(a) ? [a.name.getText()] : []))
        visit(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, node.tagName.getText(), attributes)
      }
      ts.forEachChild(node, walk)
    }
    walk(source)
  }
}

/**
 * Keyboard access in H5 stays one way (issue 15): a tapped View, Text or Image gets its onClick from tappable() (role,
 * Tab stop, Enter and Space), and buttons come from src/components/Button.tsx, which makes NutUI's a Tab stop.
 */
describe('tappable elements', () => {
  it('take their onClick from tappable(), never a bare onClick', () => {
    const bare: string[] = []
    elements((where, tag, attributes) => {
      if (['View', 'Text', 'Image'].includes(tag) && attributes.includes('onClick')) bare.push(`${where} <${tag} onClick>`)
    })
    expect(bare).toEqual([])
  })

  it("use the project's Button, not NutUI's", () => {
    const direct = SOURCES.filter((file) => /import \{[^}]*\bButton\b[^}]*\} from '@nutui\/nutui-react-taro'/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')))
    expect(direct).toEqual(['src/components/Button.tsx'])
  })
})
