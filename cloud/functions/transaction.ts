import { isFailure, type Failure } from '../../src/core/errors'
import { DEADLOCK_DETECTED, sqlState, type Db } from '../db/store'

type OpenTransaction = Parameters<Parameters<Db['transaction']>[0]>[0]

/** Carries a Failure out of drizzle's transaction callback: drizzle commits whatever the callback returns. */
class RolledBack extends Error {
  constructor(readonly failure: Failure) {
    super(`rolled back: ${failure.error.code}`)
  }
}

/**
 * One transaction whose writes stand only if `work` succeeds: a Failure it returns rolls back everything it wrote
 * (then is returned as is), a thrown error rolls back and propagates, anything else commits. `db.transaction` alone
 * commits on a returned Failure, so a use case that wrote something before refusing left the write behind (issue 12).
 * Every action that may return a Failure from inside a transaction goes through here. Inside an open transaction it
 * opens a savepoint, rolled back the same way.
 */
export async function inTransaction<R>(db: Db | OpenTransaction, work: (tx: OpenTransaction) => Promise<R>): Promise<R> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx)
      if (isFailure(result)) throw new RolledBack(result)
      return result
    })
  } catch (error) {
    if (error instanceof RolledBack) return error.failure as R
    throw error
  }
}

/**
 * Runs `work` again when PostgreSQL chose it as a deadlock's victim (its writes were rolled back): two bookings of one
 * holder for overlapping times each wait for the other's entry in the no-overlap constraint, and one must give way.
 * The second attempt sees the other's outcome and answers as if they had come one after the other.
 */
export async function retryOnDeadlock<R>(work: () => Promise<R>, attempts = 3): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || sqlState(error) !== DEADLOCK_DETECTED) throw error
    }
  }
}
