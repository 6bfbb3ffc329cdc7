import { apiClient } from '../support/api'
import { newHolder } from '../support/holders'
import type { RunningHost } from '../support/host'
import { fmt, load } from './stats'

const REQUESTS = 1000
const IN_FLIGHT = 200

/**
 * Booking over HTTP: 1,000 requests from 1,000 holders with 200 in flight, first against one hot 100-seat slot, then
 * spread over 50 slots of 20 seats. Prints accepted count, throughput and latency.
 */
export async function benchBookings(host: RunningHost): Promise<void> {
  const api = apiClient(host.url)
  const admin = await api.login('admin-demo')
  const started = performance.now()
  const holders = (await load(REQUESTS, 20, (i) => newHolder(api, admin, `bench-${host.store}-${i}`))).results
  console.log(`bookings setup: ${REQUESTS} holders issued and activated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  const { items } = await api.data('stations', 'list', {}, admin)
  const newSession = (date: string, capacity: number) =>
    api.data('stations', 'createSession', { stationId: items[0].id, kind: 'expert', date, start: '09:00', end: '10:00', slotMinutes: 60, capacity }, admin)

  const hot = (await newSession('2027-03-01', 100)).slots[0].id
  report('one hot slot (100 seats)', await load(REQUESTS, IN_FLIGHT, (i) => book(i, hot)))

  const spread: string[] = []
  for (let day = 0; day < 50; day++) spread.push((await newSession(`2027-04-${String((day % 28) + 1).padStart(2, '0')}`, 20)).slots[0].id)
  report('50 slots (20 seats each)', await load(REQUESTS, IN_FLIGHT, (i) => book(i, spread[i % 50], 'spread')))

  function book(i: number, slotId: string, tag = 'hot') {
    return api.call('bookings', 'create', { slotId, topic: '压测预约', idempotencyKey: `bench-${tag}-${i}-key` }, holders[i])
  }
  function report(label: string, run: Awaited<ReturnType<typeof load<Awaited<ReturnType<typeof book>>>>>) {
    const accepted = run.results.filter((r) => r.status === 200).length
    const full = run.results.filter((r) => !r.body.ok && r.body.error.code === 'SLOT_FULL').length
    const other = REQUESTS - accepted - full
    console.log(
      `bookings.create ${host.store}, ${label}: ${REQUESTS} requests, ${IN_FLIGHT} in flight: accepted ${accepted}, SLOT_FULL ${full}, other ${other}; ` +
        `${run.perSecond.toFixed(0)}/s, p50 ${fmt(run.p50)}, p99 ${fmt(run.p99)}`,
    )
  }
}
