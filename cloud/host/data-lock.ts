import fs from 'node:fs'
import path from 'node:path'

/**
 * PGlite corrupts a data folder opened by two processes: take an exclusive lock file, and take over only a lock
 * whose process is gone.
 */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'host.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      return () => fs.rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(fs.readFileSync(file, 'utf8'))
      if (owner && isAlive(owner)) {
        throw new Error(`数据目录 ${dataDir} 正被进程 ${owner} 使用（PGlite 只能由一个进程打开）；请先停止它`)
      }
      fs.rmSync(file, { force: true })
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
