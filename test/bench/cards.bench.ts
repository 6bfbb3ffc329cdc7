import { apiClient } from '../support/api'
import type { RunningHost } from '../support/host'
import { fmt, load } from './stats'

/** Token issue + staff verification over HTTP: what a station desk does per visitor. */
export async function benchCards(host: RunningHost): Promise<void> {
  const api = apiClient(host.url)
  const holder = await api.login('holder-demo')
  const staff = await api.login('staff-demo')
  const { items } = await api.data('cards', 'mine', {}, holder)
  const cardId = items[0].card.id
  const count = 1000
  const tokens = await load(count, 50, () => api.data('cards', 'token', { cardId }, holder))
  console.log(`cards.token   ${host.store}: ${count} calls, 50 in flight: ${tokens.perSecond.toFixed(0)}/s, p50 ${fmt(tokens.p50)}, p99 ${fmt(tokens.p99)}`)
  const verify = await load(count, 50, (i) => api.call('cards', 'verify', { qr: tokens.results[i].qr }, staff))
  const accepted = verify.results.filter((reply) => reply.status === 200).length
  console.log(`cards.verify  ${host.store}: ${count} calls, 50 in flight: ${verify.perSecond.toFixed(0)}/s, p50 ${fmt(verify.p50)}, p99 ${fmt(verify.p99)}, accepted ${accepted}/${count}`)
}
