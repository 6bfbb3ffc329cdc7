import { spawn } from 'node:child_process'
import path from 'node:path'

/**
 * `npm test`: type check, lint (`npm run lint`: the import direction of DESIGN.md §3, eslint.config.mjs), fresh H5
 * and weapp builds (the weapp in HTTP and in cloud mode; the end-to-end and size-budget tests use them), then every
 * jest project. Arguments go to jest, e.g. `npm test -- --selectProjects core`; with them the steps run one after
 * the other.
 *
 * Without arguments the steps run in two lanes side by side, because each step mostly keeps one core busy (tsc,
 * eslint, webpack, and jest's single worker on a 2-core machine) and CI's time is the sum of them otherwise:
 * - checks: the weapp-cloud build, tsc, lint, then the jest projects that need no build (core, cloud, ui);
 * - builds: H5, weapp, then (once weapp-cloud is built too) the projects that test the builds (budget, e2e), and
 *   two long suites of the cloud project (MOVED).
 * The cloud-mode build and those two suites sit where they even out the lanes' lengths.
 * Each line of output carries its lane's name; the run fails if any step fails.
 */
const root = path.resolve(__dirname, '..')
const bin = (command: string) => path.join(root, 'node_modules/.bin', command)
const ci = process.env.CI === 'true' ? ['--ci'] : []

/** A command and what the summary lines call it. */
interface Step {
  label: string
  argv: string[]
}
const build = (target: string): Step => ({ label: `build ${target}`, argv: [bin('tsx'), '-e', `require('./tools/build').ensureBuild('${target}')`] })
const jest = (...args: string[]): Step => ({ label: ['jest', ...args].join(' '), argv: [bin('jest'), ...ci, ...args] })

function run(step: Step, lane?: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(step.argv[0], step.argv.slice(1), { cwd: root, stdio: lane ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    if (lane) {
      for (const stream of [child.stdout, child.stderr]) prefixLines(stream!, lane, stream === child.stderr ? process.stderr : process.stdout)
    }
    child.on('close', (code) => resolve(code ?? 1))
  })
}

function prefixLines(input: NodeJS.ReadableStream, lane: string, output: NodeJS.WriteStream): void {
  let pending = ''
  input.setEncoding('utf8')
  input.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) output.write(`[${lane}] ${line}\n`)
  })
  input.on('end', () => {
    if (pending) output.write(`[${lane}] ${pending}\n`)
  })
}

/** Runs the steps in order and stops at the first failure; resolves to the failed step, or null. */
async function lane(steps: Step[], name?: string): Promise<string | null> {
  for (const step of steps) {
    const started = Date.now()
    const status = await run(step, name)
    process.stdout.write(`${name ? `[${name}] ` : ''}${status === 0 ? 'done' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s: ${step.label}\n`)
    if (status !== 0) return step.label
  }
  return null
}

const checks: Step[] = [
  { label: 'tsc', argv: [bin('tsc'), '--noEmit', '-p', '.'] },
  { label: 'lint', argv: ['npm', 'run', '--silent', 'lint'] },
]
const builds: Step[] = [build('h5'), build('weapp'), build('weapp-cloud')]

/** Two long cloud suites (a 60 s fuzz budget, every field of every action) run in the builds lane, which otherwise ends first. */
const MOVED = ['test/cloud/fuzz.test.ts', 'test/cloud/bad-input.test.ts']

/** The two lanes side by side; resolves to the failed steps. */
async function lanes(): Promise<Array<string | null>> {
  const cloudBuild = lane([build('weapp-cloud')], 'checks')
  const testBuilds = jest('--selectProjects', 'budget', 'e2e', 'cloud', '--testPathPattern', ['test/(budget|e2e)/', ...MOVED].join('|'))
  return Promise.all([
    cloudBuild.then((failed) => failed ?? lane([...checks, jest('--selectProjects', 'core', 'cloud', 'ui', '--testPathIgnorePatterns', ...MOVED)], 'checks')),
    lane([build('h5'), build('weapp')], 'builds').then(async (failed) => failed ?? ((await cloudBuild) ? null : lane([testBuilds], 'builds'))),
  ])
}

async function main(): Promise<number> {
  const started = Date.now()
  const args = process.argv.slice(2)
  const failed = args.length > 0 ? [await lane([...checks, ...builds, jest(...args)])] : await lanes()
  const failures = failed.filter(Boolean)
  process.stdout.write(`npm test finished in ${((Date.now() - started) / 1000).toFixed(0)} s${failures.length ? `; FAILED: ${failures.join('; ')}` : ''}\n`)
  return failures.length ? 1 : 0
}

void main().then((status) => process.exit(status))
