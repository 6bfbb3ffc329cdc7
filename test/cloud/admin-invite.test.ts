/**
 * `npm run admin:invite -- --name 孙磊`: the first administrator's invitation on a fresh database, run as the command is
 * run (a child process through tsx) against a new PostgreSQL database and a new PGlite data folder. Redeeming the code
 * through the host is tested with org.redeem.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { Client } from 'pg'
import { hashActivationCode } from '../../cloud/functions/cards/cards.queries'
import { createDatabase } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/.bin/tsx')
/** Activation codes' alphabet (no 0/O/1/I), 4-4-4. */
const CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/
const HOURS_72 = 72 * 3600_000

interface Run {
  code: number
  stdout: string
  stderr: string
  lastLine: string
}

async function adminInvite(args: string[], env: Record<string, string>): Promise<Run> {
  const result = await promisify(execFile)(TSX, [path.join(ROOT, 'cloud/host/admin-invite.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', DEV_LOGIN: '0', LOG_LEVEL: 'warn', ...env },
    timeout: 90_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  )
  const lines = result.stdout.trimEnd().split('\n')
  return { ...result, lastLine: lines[lines.length - 1] }
}

describeOnPostgres('npm run admin:invite on a fresh PostgreSQL database', () => {
  let url: string
  let drop = async () => {}
  let client: Client
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-invite-pg-'))

  beforeAll(async () => {
    const database = await createDatabase()
    url = database.url
    drop = database.drop
  })
  afterAll(async () => {
    await client?.end()
    await drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const run = (args: string[]) => adminInvite(args, { DATABASE_URL: url, DATA_DIR: dataDir })

  it('needs --name, and says so in Chinese', async () => {
    const missing = await run([])
    expect(missing.code).not.toBe(0)
    expect(missing.stderr).toContain('请用 --name 指定首位管理员的姓名')
    expect(missing.stdout).toBe('')
    const unknown = await run(['--name', '孙磊', '--force'])
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain('不认识的参数：--force')
  })

  it('migrates the fresh database and prints an explained invitation for the role admin, the code alone on the last line', async () => {
    const before = Date.now()
    const first = await run(['--name', '孙磊'])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.lastLine).toMatch(CODE)
    expect(first.stdout).toContain('已为「孙磊」生成首位管理员邀请')
    expect(first.stdout).toMatch(/有效期 72 小时，至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（北京时间）/)
    expect(first.stdout).toContain('进入「我的」→「接受邀请」')
    // The code is printed once, at the end: nothing before the last line carries it.
    expect(first.stdout.split('\n').slice(0, -2).join('\n')).not.toContain(first.lastLine)

    client = new Client({ connectionString: url })
    await client.connect()
    const { rows } = await client.query('SELECT * FROM invitations')
    expect(rows).toEqual([
      expect.objectContaining({ name: '孙磊', roles: ['admin'], department_id: null, created_by: null, redeemed_at: null, revoked_at: null, code_hash: hashActivationCode(first.lastLine) }),
    ])
    const expiresAt = (rows[0].expires_at as Date).getTime()
    expect(expiresAt).toBeGreaterThanOrEqual(before + HOURS_72 - 1000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + HOURS_72)
    // The printed Beijing time is the row's expiry.
    const beijing = new Date(expiresAt + 8 * 3600_000).toISOString()
    expect(first.stdout).toContain(`至 ${beijing.slice(0, 10)} ${beijing.slice(11, 16)}（北京时间）`)
    const audit = await client.query('SELECT actor_id, action, target_id FROM audit_events')
    expect(audit.rows).toEqual([{ actor_id: null, action: 'invite.create', target_id: rows[0].id }])
  })

  it('while nobody has redeemed it, a second run replaces the code: the first one is revoked', async () => {
    const second = await run(['--name', '孙磊'])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('尚未使用的 1 个邀请码已作废')
    const { rows } = await client.query('SELECT code_hash, revoked_at FROM invitations ORDER BY created_at')
    // [is the new code, still valid]
    expect(rows.map((r) => [r.code_hash === hashActivationCode(second.lastLine), r.revoked_at === null])).toEqual([
      [false, false],
      [true, true],
    ])
  })

  it('is refused once an active administrator exists, works again with --again, and ignores a deactivated one', async () => {
    // What redeeming the invitation leaves behind (org.redeem is tested with the host).
    await client.query(`INSERT INTO users (id, openid, name, roles) VALUES (gen_random_uuid(), 'o-sunlei-wechat-openid-0001', '孙磊', '{admin}')`)
    const invitationsBefore = (await client.query('SELECT count(*)::int AS n FROM invitations')).rows[0].n

    const refused = await run(['--name', '赵敏'])
    expect(refused.code).not.toBe(0)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toContain('已有在用的管理员：孙磊')
    expect(refused.stderr).toContain('--again')
    expect((await client.query('SELECT count(*)::int AS n FROM invitations')).rows[0].n).toBe(invitationsBefore)

    const again = await run(['--name', '赵敏', '--again'])
    expect(again.code).toBe(0)
    expect(again.lastLine).toMatch(CODE)
    expect(again.stdout).toContain('已有在用的管理员（孙磊）；按 --again 为找回管理员账号再次生成')
    const { rows } = await client.query(`SELECT roles FROM invitations WHERE name = '赵敏'`)
    expect(rows).toEqual([{ roles: ['admin'] }])

    await client.query(`UPDATE users SET deactivated_at = now() WHERE openid = 'o-sunlei-wechat-openid-0001'`)
    const afterDeactivation = await run(['--name', '钱峰'])
    expect(afterDeactivation.code).toBe(0)
    expect(afterDeactivation.lastLine).toMatch(CODE)
  })
})

describe('npm run admin:invite on a fresh PGlite data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldz-invite-pglite-'))
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const query = async (...statements: string[]): Promise<unknown[][]> => {
    const { stdout } = await promisify(execFile)(TSX, [path.join(ROOT, 'test/support/pglite-query.ts'), dataDir, ...statements], { cwd: ROOT, timeout: 60_000 })
    return JSON.parse(stdout)
  }

  it('creates the invitation in DATA_DIR, releases the folder, and refuses once an administrator exists', async () => {
    const first = await adminInvite(['--name=孙磊'], { DATA_DIR: dataDir })
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.lastLine).toMatch(CODE)
    expect(fs.existsSync(path.join(dataDir, 'host.lock'))).toBe(false)

    const [invitations] = await query(
      'SELECT name, roles, created_by, code_hash, extract(epoch FROM expires_at - created_at)::int AS seconds FROM invitations',
      `INSERT INTO users (id, openid, name, roles) VALUES (gen_random_uuid(), 'o-sunlei-wechat-openid-0001', '孙磊', '{admin}') RETURNING name`,
    )
    expect(invitations).toEqual([{ name: '孙磊', roles: ['admin'], created_by: null, code_hash: hashActivationCode(first.lastLine), seconds: 72 * 3600 }])

    const refused = await adminInvite(['--name', '赵敏'], { DATA_DIR: dataDir })
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('已有在用的管理员：孙磊')
  })
})
