/**
 * `npm run admin:invite -- --name 孙磊 [--again]`: the first administrator's one-time invitation, on a fresh database
 * with dev login off. Reads DATABASE_URL or DATA_DIR as the host does (a PGlite folder a running host holds is
 * refused; migrations run on open, under the advisory lock on PostgreSQL), creates an invitation for the role admin
 * valid INVITE_HOURS, explains how to redeem it and prints the code alone on the last line of stdout (for scripts).
 * In the cloud, run it on any machine with DATABASE_URL pointing at the cloud functions' PostgreSQL.
 *
 * Refused while an active administrator exists, unless `--again` (a lost administrator account): from then on
 * administrators invite people in the product (org.invite). An earlier code of this command that was never used is
 * revoked, so only the newest one works.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import path from 'node:path'
import { and, gt, isNull, sql } from 'drizzle-orm'
import { shanghaiDate, shanghaiWallTime } from '../../src/core/calendar/shanghai-time'
import { INVITE_HOURS } from '../../src/core/org/org.labels'
import { readConfig } from '../config'
import { invitations, users } from '../db/schema'
import { openStore, type Tx } from '../db/store'
import { audit } from '../functions/org/audit'
import { createInvitation } from '../functions/org/invitations'
import { lockDataDir } from './data-lock'

const USAGE = '用法：npm run admin:invite -- --name 姓名 [--again]'
const MAX_NAME_LENGTH = 50

class UsageError extends Error {}

export interface InviteArgs {
  name: string
  again: boolean
}

export function parseArgs(argv: readonly string[]): InviteArgs {
  let name: string | undefined
  let again = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--again') again = true
    else if (arg === '--name') name = argv[++i]
    else if (arg.startsWith('--name=')) name = arg.slice('--name='.length)
    else throw new UsageError(`不认识的参数：${arg}\n${USAGE}`)
  }
  name = name?.trim()
  if (!name || name.startsWith('--')) throw new UsageError(`请用 --name 指定首位管理员的姓名，例如：npm run admin:invite -- --name 孙磊\n${USAGE}`)
  if (name.length > MAX_NAME_LENGTH) throw new UsageError(`姓名最多 ${MAX_NAME_LENGTH} 个字`)
  return { name, again }
}

type Outcome =
  | { kind: 'refused'; admins: string[] }
  | { kind: 'invited'; inviteCode: string; expiresAt: Date; admins: string[]; revoked: number }

/** One transaction, serialised against a second run of the command at the same moment. */
async function invite(tx: Tx, args: InviteArgs, now: Date): Promise<Outcome> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('admin:invite'))`)
  const admins = await tx
    .select({ name: users.name })
    .from(users)
    .where(and(sql`'admin' = ANY(${users.roles})`, isNull(users.deactivatedAt)))
  if (admins.length > 0 && !args.again) return { kind: 'refused', admins: admins.map((a) => a.name) }

  const unused = await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(and(isNull(invitations.createdBy), isNull(invitations.redeemedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id, name: invitations.name })
  for (const row of unused) {
    await audit(tx, { actorId: null, action: 'invite.revoke', targetType: 'invitation', targetId: row.id, before: { status: 'pending' }, after: { status: 'revoked', reason: 'admin:invite again' }, at: now })
  }
  const { row, inviteCode } = await createInvitation(
    tx,
    { name: args.name, roles: ['admin'], departmentId: null, createdBy: null },
    { now, newId: randomUUID, randomBytes: (length) => new Uint8Array(randomBytes(length)) },
  )
  return { kind: 'invited', inviteCode, expiresAt: row.expiresAt, admins: admins.map((a) => a.name), revoked: unused.length }
}

const beijing = (instant: Date) => `${shanghaiDate(instant)} ${shanghaiWallTime(instant)}（北京时间）`

async function main() {
  const args = parseArgs(process.argv.slice(2))
  const config = readConfig()
  const dataDir = path.resolve(config.DATA_DIR)
  const unlock = config.DATABASE_URL ? () => {} : lockDataDir(dataDir)
  try {
    const store = config.DATABASE_URL
      ? await openStore({ databaseUrl: config.DATABASE_URL, poolSize: 1 })
      : await openStore({ dataDir: path.join(dataDir, 'pglite') })
    let outcome: Outcome
    try {
      outcome = await store.db.transaction((tx) => invite(tx, args, new Date()))
    } finally {
      await store.close()
    }
    const where = config.DATABASE_URL ? `PostgreSQL（${redactUrl(config.DATABASE_URL)}）` : `本地数据目录 ${dataDir}`
    if (outcome.kind === 'refused') {
      process.stderr.write(
        [
          `已有在用的管理员：${outcome.admins.join('、')}（${where}）。其他人员请由管理员在小程序「人员与邀请」页邀请。`,
          `如果管理员账号丢失、需要重新指定管理员，请加 --again：npm run admin:invite -- --name ${args.name} --again`,
          '',
        ].join('\n'),
      )
      process.exitCode = 1
      return
    }
    const lines = [
      `已为「${args.name}」生成首位管理员邀请（数据库：${where}）。`,
      ...(outcome.admins.length > 0 ? [`注意：已有在用的管理员（${outcome.admins.join('、')}）；按 --again 为找回管理员账号再次生成。`] : []),
      ...(outcome.revoked > 0 ? [`此前由本命令生成、尚未使用的 ${outcome.revoked} 个邀请码已作废，只有下面这个有效。`] : []),
      `角色：管理员。邀请码只能使用一次，有效期 ${INVITE_HOURS} 小时，至 ${beijing(outcome.expiresAt)}。`,
      `使用方法：${args.name}用自己的微信打开小程序，进入「我的」→「接受邀请」，在「输入邀请码」处填入下面的邀请码（不区分大小写，短横线可省略）。`,
      '接受后即为管理员，可在小程序和电脑端（扫码登录）设置行政区、部门、服务站和节假日，并邀请其他人员。',
      '邀请码：',
      outcome.inviteCode,
    ]
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    unlock()
  }
}

/** The URL without its password, to say which database was used. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return 'DATABASE_URL'
  }
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof UsageError ? error.message : `生成邀请失败：${error instanceof Error ? error.message : String(error)}`}\n`)
    process.exit(1)
  })
}
