import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * PGlite corrupts a data folder opened by two processes: this takes an exclusive lock file `host.lock`, and takes over
 * only a lock whose process is gone.
 *
 * Atomic by construction: the lock is written in full to a private temporary file and then hard-linked to
 * `host.lock`; link(2) fails when the name exists, so exactly one of several processes starting together wins, and
 * nobody ever sees a half-written lock. A stale lock (its process dead, a zombie, or its pid reused by another
 * process) is removed only by the one process that wins a second link on a name made of that lock's random token
 * (`host.lock.takeover.<token>.<n>`), and only after reading it again in full and finding the same token: two
 * processes can never both delete, and one can never delete the lock another has just taken.
 *
 * Liveness is judged by pid on this machine (Linux: /proc/<pid>/stat, state Z is dead, a different start time means
 * the pid was reused). So one machine and one pid namespace: two containers sharing the folder are not protected.
 */
export function lockDataDir(dataDir: string, options: { waitMs?: number } = {}): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'host.lock')
  const mine: LockInfo & { token: string } = { pid: process.pid, start: startTimeOf(process.pid), token: randomBytes(12).toString('hex') }
  const staging = `${file}.${mine.token}.tmp`
  writeComplete(staging, `${JSON.stringify(mine)}\n`)
  const deadline = Date.now() + (options.waitMs ?? 3000)
  try {
    for (;;) {
      if (tryLink(staging, file)) return () => release(file, mine.token)
      const held = readLock(file)
      if (held === 'missing') continue
      if (held.info && isAlive(held.info)) {
        throw new Error(`数据目录 ${dataDir} 正被进程 ${held.info.pid} 使用（PGlite 只能由一个进程打开）；请先停止它`)
      }
      // A lock not written by this code (older versions wrote the pid in place, so it could be read empty): left alone
      // unless it is old enough that no writer can still be busy with it.
      const stale = held.info !== null || Date.now() - held.mtimeMs > UNREADABLE_STALE_MS
      if (!stale || !takeOver(file, held.id, staging)) {
        if (Date.now() > deadline) {
          throw new Error(`无法锁定数据目录 ${dataDir}：锁文件 ${file} 无法读取或正被接管，请确认没有其他进程在使用后删除它`)
        }
        sleep(20)
      }
    }
  } finally {
    fs.rmSync(staging, { force: true })
  }
}

interface LockInfo {
  pid: number
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid; null elsewhere. */
  start: string | null
  /** Random per lock; null in a lock of an older version (the bare pid). */
  token: string | null
}

/** What `host.lock` holds: its identity (the token, or inode and time for a foreign file) and its owner when known. */
type Held = { id: string; info: LockInfo | null; mtimeMs: number }

const UNREADABLE_STALE_MS = 10_000

function writeComplete(file: string, content: string) {
  const fd = fs.openSync(file, 'wx', 0o644)
  try {
    fs.writeSync(fd, content)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

function tryLink(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

function readLock(file: string): Held | 'missing' {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const stat = fs.fstatSync(fd)
    const text = fs.readFileSync(fd, 'utf8')
    const info = parseLock(text)
    return { id: info?.token ?? `inode-${stat.ino}-${stat.mtimeMs}-${text.length}`, info, mtimeMs: stat.mtimeMs }
  } finally {
    fs.closeSync(fd)
  }
}

function parseLock(text: string): LockInfo | null {
  // Older versions wrote the bare pid: honoured, so a host of the previous release still running keeps its folder.
  if (/^[1-9]\d{0,9}$/.test(text)) return { pid: Number(text), start: null, token: null }
  if (!text.endsWith('\n')) return null
  try {
    const value = JSON.parse(text) as Partial<LockInfo>
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0 || typeof value.token !== 'string' || !/^[0-9a-f]{24}$/.test(value.token)) return null
    return { pid: value.pid as number, start: typeof value.start === 'string' ? value.start : null, token: value.token }
  } catch {
    return null
  }
}

/**
 * Removes the stale lock `staleId`, as the only process doing so: whoever links `host.lock.takeover.<id>.<n>` first
 * may delete `host.lock` if it still is that lock. A takeover name held by a dead process (killed in between) is
 * skipped for the next n. Returns false when another live process is taking over right now (wait and look again).
 */
function takeOver(file: string, staleId: string, staging: string): boolean {
  for (let n = 0; n < 8; n++) {
    const claim = `${file}.takeover.${staleId}.${n}`
    if (tryLink(staging, claim)) {
      try {
        const now = readLock(file)
        if (now !== 'missing' && now.id === staleId) fs.unlinkSync(file)
      } finally {
        // Claims of the same stale lock left by processes killed while taking over: nobody can act on them any more.
        for (let k = 0; k <= n; k++) fs.rmSync(`${file}.takeover.${staleId}.${k}`, { force: true })
      }
      return true
    }
    const holder = readLock(claim)
    if (holder === 'missing') return true // finished just now: look at host.lock again
    if (holder.info && isAlive(holder.info)) return false
  }
  return false
}

function release(file: string, token: string) {
  const held = readLock(file)
  if (held !== 'missing' && held.id === token) fs.rmSync(file, { force: true })
}

/** Whether the process that wrote a lock still runs: not gone, not a zombie, and not another process with its pid. */
function isAlive(owner: LockInfo): boolean {
  if (owner.pid === process.pid && owner.start === startTimeOf(process.pid)) return true
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const stat = procStat(owner.pid)
  if (!stat) return true
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false
  return owner.start === null || owner.start === stat.start
}

/** State and start time of a process from /proc/<pid>/stat (Linux), or null where there is no /proc. */
function procStat(pid: number): { state: string; start: string } | null {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so split after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return { state: fields[0], start: fields[19] }
}

function startTimeOf(pid: number): string | null {
  return procStat(pid)?.start ?? null
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}
