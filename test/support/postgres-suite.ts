/**
 * For jest suites that need PostgreSQL; the global setup already failed CI or announced the skip loudly when there is
 * none. (Not in host.ts: the benches load that outside jest.)
 */
export const describeOnPostgres = process.env.PG_AVAILABLE === '1' ? describe : describe.skip
