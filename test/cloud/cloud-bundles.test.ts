/**
 * What each cloud function's code (function.js) holds, from esbuild's metafile (built in memory, nothing written): its
 * own area's action tables and no other area's, no zod locale but its default English one, and a size budget.
 * test/cloud/deploy.test.ts runs the written functions.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Metafile } from 'esbuild'
import { actionTableArea, bundleArea, checkMetafile, localRequires, SPREADSHEET_AREAS } from '../../cloud/deploy/build'
import { AREAS } from '../../cloud/functions/index'

const ROOT = path.resolve(__dirname, '../..')
const AREA_NAMES = Object.keys(AREAS)

/**
 * Bytes of each function.js. Zod's other locales alone would add about 260 KB (a schema module that took `z` from a
 * module re-exporting it brought in all of zod), AREAS (every area) about 130 KB, exceljs
 * (in a file of its own beside the reports function's code) about 1.2 MB.
 */
const BUDGET = 560_000

/** Every action table file in an area's folder: the entry of its function must take in all of them. */
function tablesOfFolder(area: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, 'cloud/functions', area))
    .filter((file) => file.endsWith('.actions.ts'))
    .map((file) => `cloud/functions/${area}/${file}`)
    .sort()
}

describe('cloud function bundles', () => {
  // inputs: the files that add code to the bundle (esbuild lists every file it read, tree-shaken away or not)
  const built = new Map<string, { inputs: string[]; bytes: number; beside: string[] }>()

  beforeAll(async () => {
    await Promise.all(
      AREA_NAMES.map(async (area) => {
        const result = await bundleArea(area, { outfile: path.join(ROOT, 'cloudfunctions', area, 'function.js'), write: false })
        const [output] = Object.values(result.metafile.outputs)
        const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([file]) => file)
        built.set(area, { inputs, bytes: output.bytes, beside: localRequires(result.metafile) })
      }),
    )
  }, 120_000)

  describe.each(AREA_NAMES)('%s', (area) => {
    it('holds every action table of its area and none of another area', () => {
      const { inputs } = built.get(area)!
      expect(inputs.filter((input) => actionTableArea(input) !== null).sort()).toEqual(tablesOfFolder(area))
    })

    it('holds zod’s default English locale, no other', () => {
      const locales = built.get(area)!.inputs.filter((input) => /node_modules\/zod\/v4\/locales\//.test(input))
      expect(locales).toEqual(['node_modules/zod/v4/locales/en.js'])
    })

    it('stays within its size budget', () => {
      expect(built.get(area)!.bytes).toBeLessThanOrEqual(BUDGET)
    })

    it(area === 'reports' ? 'loads the .xlsx writer from a file beside it' : 'has no .xlsx writer', () => {
      expect(built.get(area)!.beside).toEqual(SPREADSHEET_AREAS.includes(area) ? ['exceljs.js'] : [])
      expect(built.get(area)!.inputs.filter((input) => input.includes('node_modules/exceljs/'))).toEqual([])
    })
  })

  it('the build refuses another area’s action table in a bundle', () => {
    const metafile = (inputs: string[], beside: string[] = []): Metafile => ({
      inputs: Object.fromEntries(inputs.map((input) => [input, { bytes: 1, imports: [] }])),
      outputs: {
        'index.js': { bytes: 1, inputs: {}, exports: ['main'], imports: beside.map((file) => ({ path: `./${file}`, kind: 'dynamic-import', external: true })) },
      },
    })
    expect(() => checkMetafile('cards', metafile(['cloud/functions/cards/cards.actions.ts']))).not.toThrow()
    expect(() => checkMetafile('cards', metafile(['cloud/functions/reports/reports.actions.ts']))).toThrow(
      'cloudfunctions/cards: bundle contains cloud/functions/reports/reports.actions.ts',
    )
    expect(() => checkMetafile('reports', metafile([], ['exceljs.js']))).not.toThrow()
    expect(() => checkMetafile('jobs', metafile([], ['exceljs.js']))).toThrow('cloudfunctions/jobs: bundle contains exceljs.js')
  })
})
