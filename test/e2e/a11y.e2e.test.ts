import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { audit, type Finding, MODES, report, settle, signedIn } from '../support/a11y'
import type { ApiClient } from '../support/api'
import { PHONE } from '../support/browser'
import { chromiumSuite, describeWithChromium, SHOTS } from '../support/e2e'

jest.setTimeout(300_000)

/** The tab pages every role has. */
const MAIN = ['pages/index/index', 'pages/sessions/index', 'pages/card/index', 'pages/mine/index']
const EVERYONE = ['packages/user/pages/inbox/index', 'packages/policy/pages/index/index']
const OFFICE = ['packages/leader/pages/scores/index', 'packages/survey/pages/index/index']
const LEADER = ['packages/leader/pages/ledger/index', 'packages/leader/pages/dashboard/index', 'packages/leader/pages/report/index']
const STAFF = ['packages/staff/pages/desk/index', 'packages/staff/pages/home-visits/index', 'packages/staff/pages/problems/index']
const ADMIN = ['cards', 'issue', 'stations', 'dispatch', 'appeals', 'org', 'departments', 'people', 'commissioners', 'calendar', 'audit', 'sync-flags', 'forums'].map(
  (name) => `packages/admin/pages/${name}/index`,
)
const POLICY_DESK = ['packages/policy/pages/manage/index', 'packages/policy/pages/edit/index']

/** What the detail pages open: a published policy, the open survey, a problem of holder-demo's, a slot to book. */
interface Ids {
  policy: string
  survey: string
  problem: string
  slot: string
}

/** Each demo role (README) and a first-time user, with every page of src/app.config.ts the home page offers them. */
function rolesPages(ids: Ids): ReadonlyArray<{ user: string; pages: string[] }> {
  const policy = `packages/policy/pages/detail/index?id=${ids.policy}`
  const problem = `packages/user/pages/problem/detail?id=${ids.problem}`
  const results = `packages/leader/pages/survey-results/index?id=${ids.survey}`
  const holder = ['bookings/index', 'sessions/home-visit', 'problems/index', 'problems/submit', 'ratings/index', `sessions/book?slotId=${ids.slot}`]
  return [
    {
      user: 'holder-demo',
      pages: [
        ...holder.map((page) => `packages/holder/pages/${page}`),
        problem,
        policy,
        'packages/policy/pages/profile/index',
        'packages/survey/pages/index/index',
        `packages/survey/pages/answer/index?id=${ids.survey}`,
        'packages/survey/pages/forum/index',
      ],
    },
    { user: 'staff-demo', pages: ['packages/staff/pages/verify/index', ...STAFF, problem] },
    { user: 'admin-demo', pages: [...ADMIN, ...STAFF, ...LEADER, ...OFFICE, ...POLICY_DESK, 'packages/survey/pages/build/index', results, policy] },
    {
      user: 'handler-demo',
      pages: ['packages/handler/pages/inbox/index', 'packages/handler/pages/rectifications/index', 'packages/admin/pages/sync-flags/index', ...OFFICE, ...POLICY_DESK, results],
    },
    { user: 'commissioner-demo', pages: ['packages/commissioner/pages/assignees/index'] },
    { user: 'leader-demo', pages: [...LEADER, ...OFFICE, results, problem] },
    { user: 'newcomer', pages: [policy] },
  ]
}

/** Pages of src/app.config.ts no role opens here, and why. */
const NOT_VISITED: Record<string, string> = {
  'pages/bookings/index': 'a stub that hands over to packages/holder (pushed messages keep its path)',
  'pages/problems/detail': 'a stub that hands over to packages/user (pushed messages keep its path)',
  'packages/user/pages/desktop/approve': 'opened by scanning a desktop sign-in QR code in the mini program',
}

/** Every page path of src/app.config.ts (main package and subpackages). */
function configuredPages(): string[] {
  const source = fs.readFileSync(path.resolve(__dirname, '../../src/app.config.ts'), 'utf8')
  const main = /pages: \[([^\]]*)\]/.exec(source)?.[1] ?? ''
  const quoted = (list: string) => [...list.matchAll(/'([^']+)'/g)].map((m) => m[1])
  const sub = [...source.matchAll(/root: '([^']+)'[^}]*?pages: \[([^\]]*)\]/g)].flatMap((m) => quoted(m[2]).map((page) => `${m[1]}/${page}`))
  return [...quoted(main), ...sub]
}

async function detailIds(api: ApiClient): Promise<Ids> {
  const holder = await api.login('holder-demo')
  const [policies, surveys, sessions] = await Promise.all([
    api.data('policies', 'list', {}, holder),
    api.data('surveys', 'list', {}, holder),
    api.data('stations', 'sessions', {}, holder),
  ])
  const policy = policies.items[0].id
  const asked = await api.data('policies', 'ask', { id: policy, title: '申报条件咨询', description: '请问我们企业是否符合申报条件？', idempotencyKey: randomUUID() }, holder)
  return { policy, survey: surveys.items[0].id, problem: asked.problemId, slot: sessions.items[0].slots[0].id }
}

/** Runs `run` on every item, `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  const worker = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await run(item)
  }
  await Promise.all(Array.from({ length: width }, worker))
}

/**
 * Every page of every role in Chromium, checked by axe-core: no serious or critical violation (contrast included), in
 * standard and in elderly mode. A screenshot of each is kept in test-results/screenshots/<mode>/<role>/<page>.png.
 */
describeWithChromium('accessibility of every page, every role, both modes (axe-core)', () => {
  const suite = chromiumSuite()
  let roles: ReturnType<typeof rolesPages> = []

  beforeAll(async () => {
    roles = rolesPages(await detailIds(suite.api))
  })

  it('opens every page of src/app.config.ts for some role', () => {
    const visited = new Set([...MAIN, ...EVERYONE, ...roles.flatMap((role) => role.pages)].map((route) => route.split('?')[0]))
    expect(configuredPages().filter((page) => !visited.has(page) && !(page in NOT_VISITED))).toEqual([])
  })

  for (const mode of MODES) {
    it(`${mode.name}: 0 serious or critical violations, no target under 44 px, no text under 12 px`, async () => {
      const newcomer = await suite.api.login(`a11y-newcomer-${mode.name}`)
      const findings: Finding[] = []
      // Two roles at a time, the longest first, each in its own context: both modes should take about two minutes.
      const longestFirst = [...roles].sort((a, b) => b.pages.length - a.pages.length)
      await inParallel(longestFirst, 2, async (role) => {
        // The page's CSP refuses inline scripts and styles: axe and the still-motion sheet are the test's, not the app's.
        const context = await suite.browser.newContext({ ...PHONE, deviceScaleFactor: 1, bypassCSP: true })
        const page = await signedIn(context, suite.host.url, role.user, role.user === 'newcomer' ? newcomer : null)
        if (mode.switchOn) await mode.switchOn(page, suite.host.url)
        const folder = path.join(SHOTS, 'screenshots', mode.name, role.user)
        fs.mkdirSync(folder, { recursive: true })
        for (const route of [...MAIN, ...EVERYONE, ...role.pages]) {
          await page.goto(`${suite.host.url}/#/${route}`)
          await settle(page)
          findings.push(...(await audit(page, `${role.user} ${route}`)))
          const name = route.split('?')[0].replace(/^packages\//, '').replace(/\/(pages\/)?/g, '-')
          await page.screenshot({ path: path.join(folder, `${name}.png`) })
        }
        await context.close()
      })
      expect(report(findings)).toBe('')
    })
  }
})
