import { generateKeyPairSync, randomBytes, sign, verify } from 'node:crypto'
import { Pool } from 'pg'
import { apiClient } from '../support/api'
import { newHolder } from '../support/holders'
import type { RunningHost } from '../support/host'
import { leanClient } from './http-client'
import { fmt, load } from './stats'
import { interleaved, verdict } from './verdict'

const COUNT = 1000
const IN_FLIGHT = 50
const CARDS = 50
const PAIRS = 5

/**
 * What a station desk does per visitor: the holder's phone gets a token (cards.token), staff verify it (cards.verify),
 * over HTTP, 50 in flight, the visitors' 50 cards in turn. On PostgreSQL, verification runs side by side with its
 * reference: in process, Node's own Ed25519 verify of a message of a token's size plus one indexed nonce insert on the
 * same database (a scratch copy of card_verifications), at the same concurrency; five interleaved pairs.
 */
export async function benchCards(host: RunningHost): Promise<void> {
  const api = apiClient(host.url)
  const lean = leanClient(host.url, IN_FLIGHT)
  const admin = await api.login('admin-demo')
  const staff = await api.login('staff-demo')
  const holders = (await load(CARDS, 10, (i) => newHolder(api, admin, `card-bench-${host.store}-${i}`))).results
  const cardIds = await Promise.all(holders.map(async (token) => (await api.data('cards', 'mine', {}, token)).items[0].card.id as string))
  const newTokens = async () =>
    load(COUNT, IN_FLIGHT, async (i) => {
      const reply = await lean.call('cards', 'token', { cardId: cardIds[i % CARDS] }, holders[i % CARDS])
      return reply.body.data.qr as string
    })
  const verifyAll = (qrs: string[]) =>
    load(COUNT, IN_FLIGHT, async (i) => ({ ok: (await lean.call('cards', 'verify', { qr: qrs[i] }, staff)).status === 200 }))

  const tokens = await newTokens()
  console.log(`cards.token   ${host.store}: ${COUNT} calls, ${IN_FLIGHT} in flight: ${tokens.perSecond.toFixed(0)}/s, p50 ${fmt(tokens.p50)}, p99 ${fmt(tokens.p99)}`)
  const first = await verifyAll(tokens.results)
  console.log(
    `cards.verify  ${host.store}: ${COUNT} calls, ${IN_FLIGHT} in flight: ${first.perSecond.toFixed(0)}/s, p50 ${fmt(first.p50)}, p99 ${fmt(first.p99)}, ` +
      `accepted ${first.results.filter((r) => r.ok).length}/${COUNT}`,
  )

  if (host.store === 'postgres') {
    const reference = await nodeVerifyAndInsert(host.env.DATABASE_URL, Number(host.env.DB_POOL_SIZE ?? 20))
    try {
      const ratio = await interleaved(
        PAIRS,
        () => reference.run(),
        async () => {
          const qrs = (await newTokens()).results
          const run = await verifyAll(qrs)
          if (run.results.some((r) => !r.ok)) throw new Error('a fresh token was refused')
          return run.perSecond
        },
      )
      console.log(`cards.verify over HTTP ${ratio.target.toFixed(0)}/s, reference in process ${ratio.reference.toFixed(0)}/s (medians)`)
      verdict(`cards.verify / Node Ed25519 verify + nonce insert (${IN_FLIGHT} in flight)`, ratio.ratio, '>=', 0.5)
    } finally {
      await reference.close()
    }
  }
  lean.close()
}

/** The reference: Node's Ed25519 verify and one insert into an indexed scratch copy of card_verifications. */
async function nodeVerifyAndInsert(databaseUrl: string, poolSize: number) {
  const pool = new Pool({ connectionString: databaseUrl, max: poolSize })
  pool.on('error', (error) => console.error(`reference pool: ${error.message}`))
  await pool.query(`DROP TABLE IF EXISTS bench_nonces; CREATE TABLE bench_nonces (LIKE card_verifications INCLUDING ALL)`)
  const { rows } = await pool.query(`SELECT (SELECT id FROM cards LIMIT 1) AS card_id, (SELECT id FROM users LIMIT 1) AS user_id`)
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  // A token signs about 60 bytes of claims; verify the same size.
  const messages = Array.from({ length: COUNT }, () => randomBytes(60))
  const signatures = messages.map((m) => sign(null, m, privateKey))
  return {
    async run(): Promise<number> {
      const run = await load(COUNT, IN_FLIGHT, async (i) => {
        if (!verify(null, messages[i], publicKey, signatures[i])) throw new Error('reference signature refused')
        await pool.query(
          'INSERT INTO bench_nonces (card_id, nonce, verified_by, verified_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING',
          [rows[0].card_id, randomBytes(16).toString('base64url'), rows[0].user_id],
        )
      })
      return run.perSecond
    },
    async close() {
      await pool.query('DROP TABLE IF EXISTS bench_nonces')
      await pool.end()
    },
  }
}
