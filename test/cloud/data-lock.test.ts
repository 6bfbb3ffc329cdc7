import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')
// The previous release's lock (write in place) gave two owners in some round of 20 in two runs of three (of 10: one in three).
const ROUNDS = 20

/**
 * The PGlite folder lock (cloud/host/data-lock.ts) between real processes: a tiny taker script (the lock module
 * bundled to plain JS, so a process starts in ~50 ms) waits for a common start instant, calls lockDataDir, prints
 * `owner <pid>` or `busy <message>`, and an owner holds the lock for a while (or forever, to be killed).
 */
describe('the data folder lock', () => {
  let work: string
  let taker: string
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-lock-'))
    buildSync({ entryPoints: [path.join(ROOT, 'cloud/host/data-lock.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(work, 'data-lock.cjs'), logLevel: 'silent' })
    taker = path.join(work, 'taker.cjs')
    fs.writeFileSync(
      taker,
      `const { lockDataDir } = require('./data-lock.cjs')
const [dir, startAt, hold] = process.argv.slice(2)
while (Date.now() < Number(startAt)) {}
let unlock
try {
  unlock = lockDataDir(dir)
} catch (error) {
  process.stdout.write('busy ' + error.message + '\\n')
  process.exit(0)
}
process.stdout.write('owner ' + process.pid + '\\n')
if (hold === 'forever') setInterval(() => {}, 1000)
else if (hold === 'stdin') process.stdin.on('end', () => { unlock(); process.exit(0) }).resume()
else setTimeout(() => { unlock(); process.exit(0) }, Number(hold))
`,
    )
  })
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }))

  const folder = () => fs.mkdtempSync(path.join(work, 'data-'))

  /** Runs a taker to its end and answers what it printed. */
  const takeOnce = (dir: string) =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [taker, dir, '0', '0'], { cwd: work })
      let out = ''
      child.stdout.on('data', (chunk) => (out += chunk))
      child.stderr.on('data', (chunk) => (out += chunk))
      child.on('error', reject)
      child.on('exit', () => resolve(out.trim()))
    })

  /** Starts a taker that keeps the lock until killed; resolves once it owns it. */
  const holdForever = (dir: string) =>
    new Promise<{ child: ChildProcess; pid: number }>((resolve, reject) => {
      const child = spawn(process.execPath, [taker, dir, '0', 'forever'], { cwd: work })
      let out = ''
      child.stdout!.on('data', (chunk) => {
        out += chunk
        const match = /owner (\d+)/.exec(out)
        if (match) resolve({ child, pid: Number(match[1]) })
      })
      child.on('exit', () => reject(new Error(`taker ended: ${out}`)))
    })

  const killed = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      child.removeAllListeners('exit')
      child.once('exit', () => resolve())
      child.kill('SIGKILL')
    })

  const owners = (outputs: string[]) => outputs.filter((o) => o.startsWith('owner')).length

  /**
   * Starts takers together; an owner keeps the lock until every taker has answered, so a taker the loaded machine
   * started late still meets the lock (with a fixed hold it could come after the release and own it in turn).
   */
  const race = (dir: string, count: number) =>
    new Promise<string[]>((resolve, reject) => {
      const startAt = Date.now() + 300
      const children = Array.from({ length: count }, () => spawn(process.execPath, [taker, dir, String(startAt), 'stdin'], { cwd: work }))
      const outputs = children.map(() => '')
      let answered = 0
      let ended = 0
      children.forEach((child, i) => {
        // Once per taker: at its first line, or at its exit if it printed none.
        const done = () => {
          if (++answered === count) for (const c of children) c.stdin!.end()
        }
        child.stdout!.on('data', (chunk) => {
          const before = outputs[i]
          outputs[i] += chunk
          if (!before.includes('\n') && outputs[i].includes('\n')) done()
        })
        child.stderr!.on('data', (chunk) => (outputs[i] += chunk))
        child.on('error', reject)
        child.on('exit', () => {
          if (!outputs[i].includes('\n')) done()
          if (++ended === count) resolve(outputs.map((o) => o.trim()))
        })
      })
    })

  it('has exactly one owner when three processes start at the same instant, round after round', async () => {
    const rounds: number[] = []
    const all: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const dir = folder()
      // A stale lock of a process killed before is there in every other round: the three race to take it over.
      if (round % 2 === 1) {
        const stale = await holdForever(dir)
        await killed(stale.child)
      }
      const outputs = await race(dir, 3)
      rounds.push(owners(outputs))
      all.push(...outputs)
      // Released at the owner's end: nothing of the lock is left behind.
      expect(fs.readdirSync(dir).filter((name) => name.startsWith('host.lock'))).toEqual([])
    }
    expect(rounds).toEqual(Array(ROUNDS).fill(1))
    for (const output of all) expect(output).toMatch(/^(owner \d+|busy 数据目录 .* 正被进程 \d+ 使用)/)
  })

  it('refuses a second process while the owner lives, and takes over at once from an owner killed with kill -9', async () => {
    const dir = folder()
    const first = await holdForever(dir)
    expect(await takeOnce(dir)).toBe(`busy 数据目录 ${dir} 正被进程 ${first.pid} 使用（PGlite 只能由一个进程打开）；请先停止它`)
    await killed(first.child)
    expect(await takeOnce(dir)).toMatch(/^owner \d+$/)
  })

  it('takes over from a zombie: a killed owner its parent has not reaped yet', async () => {
    const dir = folder()
    // The taker's parent becomes `sleep` (exec), which never waits for it: killed, it stays a zombie.
    const parent = spawn('sh', ['-c', `"${process.execPath}" "${taker}" "${dir}" 0 forever & exec sleep 60`], { cwd: work })
    try {
      const pid = await new Promise<number>((resolve) => {
        let out = ''
        parent.stdout!.on('data', (chunk) => {
          out += chunk
          const match = /owner (\d+)/.exec(out)
          if (match) resolve(Number(match[1]))
        })
      })
      expect(await takeOnce(dir)).toMatch(/^busy /)
      process.kill(pid, 'SIGKILL')
      const state = () => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0]
      for (let i = 0; i < 100 && state() !== 'Z'; i++) await new Promise((r) => setTimeout(r, 20))
      expect(state()).toBe('Z')
      expect(await takeOnce(dir)).toMatch(/^owner \d+$/)
    } finally {
      parent.kill('SIGKILL')
    }
  })

  it('never deletes a lock file it cannot read in full unless it is old, and honours the bare pid of older versions', async () => {
    const dir = folder()
    const lock = path.join(dir, 'host.lock')
    fs.writeFileSync(lock, '')
    expect(await takeOnce(dir)).toMatch(/^busy 无法锁定数据目录/)
    expect(fs.existsSync(lock)).toBe(true)
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(lock, old, old)
    expect(await takeOnce(dir)).toMatch(/^owner \d+$/)

    // A host of the previous release wrote its bare pid: alive, it keeps the folder; gone, it is taken over.
    const sleeper = spawn('sleep', ['30'])
    try {
      fs.writeFileSync(lock, String(sleeper.pid))
      fs.utimesSync(lock, old, old)
      expect(await takeOnce(dir)).toMatch(new RegExp(`^busy 数据目录 .* 正被进程 ${sleeper.pid} 使用`))
    } finally {
      await killed(sleeper)
    }
    expect(await takeOnce(dir)).toMatch(/^owner \d+$/)
    expect(fs.readdirSync(dir)).toEqual([])
  })
})
