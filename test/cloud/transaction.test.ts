import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { fail } from '../../src/core/errors'
import { districts } from '../../cloud/db/schema'
import type { Store } from '../../cloud/db/store'
import { inTransaction } from '../../cloud/functions/transaction'
import { describeOnPostgres, emptyStore } from '../support/seeded-store'

jest.setTimeout(60_000)

// Issue 12, finding 3: drizzle commits whatever a transaction's callback returns, a Failure included, so the writes a use
// case made before refusing stayed. The actions' tests show it per action (cards.issue, bookings.checkIn); this is the
// wrapper's own contract.
describeOnPostgres('inTransaction on PostgreSQL', () => {
  const fresh = emptyStore()

  const exists = async (id: string) => (await fresh.store.db.select().from(districts).where(eq(districts.id, id))).length === 1
  const write = (tx: Parameters<Parameters<Store['db']['transaction']>[0]>[0], id: string) => tx.insert(districts).values({ id, name: '测试区' })

  it('commits what succeeds and returns its value', async () => {
    const id = randomUUID()
    expect(await inTransaction(fresh.store.db, async (tx) => (await write(tx, id), { id }))).toEqual({ id })
    expect(await exists(id)).toBe(true)
  })

  it('rolls back the writes made before a returned Failure, and returns that Failure', async () => {
    const id = randomUUID()
    const refused = fail('FORBIDDEN', '写入后拒绝')
    const result = await inTransaction(fresh.store.db, async (tx) => {
      await write(tx, id)
      return refused
    })
    expect(result).toBe(refused)
    expect(await exists(id)).toBe(false)
    // What the wrapper replaces: the bare transaction keeps the write.
    const bare = randomUUID()
    await fresh.store.db.transaction(async (tx) => (await write(tx, bare), refused))
    expect(await exists(bare)).toBe(true)
  })

  it('rolls back and rethrows what throws', async () => {
    const id = randomUUID()
    await expect(inTransaction(fresh.store.db, async (tx) => {
      await write(tx, id)
      throw new Error('bug')
    })).rejects.toThrow('bug')
    expect(await exists(id)).toBe(false)
  })

  it('rolls back a nested transaction that fails, and the outer one with it when the failure is passed on', async () => {
    const outer = randomUUID()
    const inner = randomUUID()
    const result = await inTransaction(fresh.store.db, async (tx) => {
      await write(tx, outer)
      const nested = await inTransaction(tx, async (sub) => (await write(sub, inner), fail('NOT_FOUND')))
      expect(await tx.select().from(districts).where(eq(districts.id, inner))).toEqual([])
      return nested
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect([await exists(outer), await exists(inner)]).toEqual([false, false])
  })
})
