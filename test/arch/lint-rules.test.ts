import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * The dependency rules of DESIGN.md §3 are lint rules (eslint.config.mjs), and `npm test` lints the tree. This test
 * checks that the rules really fire: a lint rule that silently matches nothing (a resolver that stops resolving `@/…`,
 * a zone with a wrong path) would pass every tree. Each probe is linted as if it were a file at that path.
 */
const ROOT = path.resolve(__dirname, '../..')

interface Probe {
  file: string
  code: string
  /** The rules expected to report, in order of their line; [] for code that must pass. */
  expect: string[]
}

const probes: Probe[] = [
  // src/core imports nothing of ours outside src/core, and only a few pure libraries.
  { file: 'src/core/booking/probe.ts', code: "import { RootStore } from '../../stores/root.store'\nexport const y = RootStore", expect: ['import-x/no-restricted-paths'] },
  { file: 'src/core/booking/probe.ts', code: "import { networkFailure } from '@/api/client'\nexport const y = networkFailure", expect: ['no-restricted-imports', 'import-x/no-restricted-paths'] },
  { file: 'src/core/booking/probe.ts', code: "import { AREAS } from '../../../cloud/functions'\nexport const y = AREAS", expect: ['import-x/no-restricted-paths'] },
  { file: 'src/core/probe.ts', code: "import Taro from '@tarojs/taro'\nexport const y = Taro", expect: ['no-restricted-imports'] },
  { file: 'src/core/booking/probe.ts', code: "import fs from 'node:fs'\nimport path from 'path'\nexport const y = [fs, path]", expect: ['no-restricted-imports', 'no-restricted-imports'] },
  { file: 'src/core/booking/probe.test.ts', code: "import type { FC } from 'react'\nexport type Y = FC", expect: ['no-restricted-imports'] },
  {
    file: 'src/core/booking/probe.ts',
    code: "import { z } from 'zod'\nimport dayjs from 'dayjs'\nimport { id } from '../common/zod'\nimport { text } from '@/core/common/zod'\nexport const y = [z, dayjs, id, text]",
    expect: [],
  },
  // ... and neither reads the clock nor makes ids (its tests may).
  {
    file: 'src/core/booking/probe.ts',
    code: 'export const t = () => [new Date(), Date.now(), Math.random(), crypto.randomUUID()]\nexport const d = (ms: number) => new Date(ms)',
    expect: ['no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax', 'no-restricted-syntax'],
  },
  { file: 'src/core/booking/probe.test.ts', code: 'export const t = () => [new Date(), Date.now()]', expect: [] },
  // Nothing in src/ imports the backend.
  { file: 'src/stores/probe.ts', code: "import { AREAS } from '../../cloud/functions'\nexport const y = AREAS", expect: ['import-x/no-restricted-paths'] },
  // Pages and components go through stores: no src/api, no api.call.
  { file: 'src/pages/probe.tsx', code: "import { createApiClient } from '@/api'\nexport const y = createApiClient", expect: ['import-x/no-restricted-paths'] },
  { file: 'src/packages/admin/pages/probe.tsx', code: "import type { ApiClient } from '../../../api/client'\nexport type Y = ApiClient", expect: ['import-x/no-restricted-paths'] },
  { file: 'src/components/probe.tsx', code: "export const f = (api: { call(a: string, b: string): void }) => api.call('auth', 'me')", expect: ['no-restricted-syntax'] },
  { file: 'src/stores/probe.ts', code: "import type { ApiClient } from '@/api/client'\nexport const f = (api: ApiClient) => api.call('auth', 'me')", expect: [] },
  // The backend uses only the core of src/, and wx-server-sdk is loaded by the identity adapter alone.
  {
    file: 'cloud/functions/probe.ts',
    code: "import { RootStore } from '../../src/stores/root.store'\nimport { ok } from '../../src/core/errors'\nexport const y = [RootStore, ok]",
    expect: ['import-x/no-restricted-paths'],
  },
  {
    file: 'cloud/functions/probe.ts',
    code: "import sdk from 'wx-server-sdk'\nexport const a = sdk\nexport const c = () => import('wx-server-sdk')",
    expect: ['no-restricted-imports', 'no-restricted-syntax'],
  },
  { file: 'cloud/platform/probe.ts', code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const b = () => require('wx-server-sdk')", expect: ['no-restricted-syntax'] },
  { file: 'cloud/platform/wechat/identity.ts', code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const b = () => require('wx-server-sdk')", expect: [] },
]

/** One child process lints every probe with the project's config (ESLint's config loader needs real ESM, not jest's VM). */
const LINT_PROBES = `
import { ESLint } from 'eslint'
let input = ''
for await (const chunk of process.stdin) input += chunk
const eslint = new ESLint({ cwd: process.cwd() })
const found = []
for (const { file, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: file })
  found.push(result.messages.map((m) => (m.fatal ? 'fatal: ' + m.message : m.ruleId)))
}
process.stdout.write(JSON.stringify(found))
`

describe('lint rules of the dependency direction (DESIGN.md §3)', () => {
  it('report each kind of forbidden import and let the allowed ones pass', () => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', LINT_PROBES], {
      cwd: ROOT,
      input: JSON.stringify(probes.map(({ file, code }) => ({ file, code }))),
      encoding: 'utf8',
    })
    expect(run.stderr).toBe('')
    const found = JSON.parse(run.stdout) as string[][]
    expect(probes.map((probe, i) => ({ file: probe.file, code: probe.code, rules: found[i] }))).toEqual(
      probes.map(({ file, code, expect: rules }) => ({ file, code, rules })),
    )
  }, 60_000)
})
