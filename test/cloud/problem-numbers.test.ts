import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { problems } from '../../cloud/db/schema'
import type { Store } from '../../cloud/db/store'
import type { Caller } from '../../cloud/functions/action'
import { problemActions } from '../../cloud/functions/problems/problems.actions'
import { describeOnPostgres, seededStore } from '../support/seeded-store'

jest.setTimeout(60_000)

// In process on PostgreSQL, where simultaneous submissions really race.
describeOnPostgres('problem numbers (P<year>-<n>) start afresh each year, in order, without gaps', () => {
  const seeded = seededStore('2026-12-30T09:00:00+08:00', 12)
  let store: Store
  let holder: Caller

  beforeAll(async () => {
    store = seeded.store
    holder = await seeded.caller('holder-demo')
  })

  const submit = async (at: string, idempotencyKey: string) => {
    const ctx = { db: store.db, now: new Date(at), caller: holder, newId: randomUUID } as unknown as Parameters<typeof problemActions.submit.run>[1]
    const result = await problemActions.submit.run({ category: 'other', title: '企业用工咨询', description: '想了解稳岗补贴申领条件', idempotencyKey }, ctx)
    if (!('id' in result)) throw new Error(`submit failed: ${JSON.stringify(result)}`)
    const [row] = await store.db.select({ number: problems.number }).from(problems).where(eq(problems.id, result.id))
    return { id: result.id, number: row.number }
  }

  it('numbers ten simultaneous submissions 1–10, a retry takes no number, and New Year starts at 1', async () => {
    const lastMinute = '2026-12-31T23:59:00+08:00'
    const batch = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(lastMinute, `numbers-${i}`)))
    expect(batch.map((p) => p.number).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `P2026-${String(i + 1).padStart(6, '0')}`))

    const retry = await submit(lastMinute, 'numbers-0')
    expect(retry).toEqual(batch[0])
    expect((await submit(lastMinute, 'numbers-10')).number).toBe('P2026-000011')

    // Shanghai's New Year: 16:00 UTC on 31 December.
    expect((await submit('2026-12-31T16:00:30Z', 'numbers-11')).number).toBe('P2027-000001')
    expect((await submit('2027-01-02T10:00:00+08:00', 'numbers-12')).number).toBe('P2027-000002')
  })
})
