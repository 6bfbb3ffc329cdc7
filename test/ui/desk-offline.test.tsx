import { act, cleanup, screen, waitFor } from '@testing-library/react'
import { base64urlnopad } from '@scure/base'
import { ed25519, nobleSigner } from '@/core/card/card.token.noble'
import { makeOfflineCode, signOfflineCredential } from '@/core/card/offline-code'
import type { OfflineKit } from '@/core/station/station.schema'
import DeskPage from '@/packages/staff/pages/desk/index'
import { shanghaiToday } from '@/utils/time'
import { rosterBooking, session } from './booking-fixtures'
import { enterpriseCard, FakeApi, ok, staffUser } from './fake-api'
import { click, renderPage, typeInto } from './render'

const OFFLINE = { ok: false as const, error: { code: 'NETWORK_UNAVAILABLE' as const, message: '网络连接不可用，请检查网络后重试' } }
const districtKey = ed25519.randomSecretKey()
const deviceKey = ed25519.randomSecretKey()
// A session running all day today, so the check-in window is open whenever the test runs.
const today = session({ id: 'aaaaaaaa-0000-4000-8000-0000000000ff', date: shanghaiToday(), start: '00:00', end: '23:59', staffIds: [staffUser.id] })
const booked = rosterBooking({ id: 'dddddddd-0000-4000-8000-0000000000ff', sessionId: today.id })
const holderId = 'cccccccc-0000-4000-8000-0000000000ff'

const kit: OfflineKit = {
  session: today,
  bookings: [{ id: booked.id, slotId: booked.slotId, status: 'confirmed', start: booked.start, end: booked.end, topic: booked.topic, holderId, holderName: enterpriseCard.holder.name, cardId: enterpriseCard.card.id }],
  cardPublicKey: base64urlnopad.encode(ed25519.getPublicKey(districtKey)),
  blockedCards: [],
  issuedAt: new Date().toISOString(),
}

function holderCode(nonce: number): string {
  const credential = signOfflineCredential(
    { cardId: enterpriseCard.card.id, cardType: 'enterprise', holderName: enterpriseCard.holder.name, devicePublicKey: base64urlnopad.encode(ed25519.getPublicKey(deviceKey)), validUntil: new Date(Date.now() + 86_400_000) },
    nobleSigner(districtKey),
  )
  return makeOfflineCode({ credential, deviceSecretKey: base64urlnopad.encode(deviceKey), now: new Date(), nonce: new Uint8Array(8).fill(nonce) })
}

function deskApi(network: { up: boolean }) {
  const pushed: Array<{ id: string; kind: string; payload: Record<string, unknown> }> = []
  const api = new FakeApi()
    .on('stations.desk', () => (network.up ? ok({ date: today.date, items: [today] }) : OFFLINE))
    .on('bookings.roster', () => (network.up ? ok({ session: today, bookings: [booked], visits: [] }) : OFFLINE))
    .on('stations.offlineKit', () => (network.up ? ok(kit) : OFFLINE))
    .on('bookings.checkIn', () => OFFLINE)
    .on('sync.push', ({ actions }) => {
      if (!network.up) return OFFLINE
      pushed.push(...actions)
      return ok({ results: actions.map((a) => ({ id: a.id, ok: true, serverId: `server-${a.id}` })) })
    })
  return { api, pushed }
}

describe('今日服务台 without a network', () => {
  beforeEach(() => localStorage.clear())

  it('downloads the kit online; offline verifies and checks in on the device, records a problem answered on the spot; keeps the queue across a reload; syncs when back online', async () => {
    const network = { up: true }
    const { api, pushed } = deskApi(network)
    let page = await renderPage(<DeskPage />, api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-kit')!.textContent).toContain('离线包已下载'))
    expect(document.getElementById('desk-network')!.textContent).toBe('在线')

    network.up = false
    const code = holderCode(1)
    await typeInto('desk-checkin-input', code)
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-result')!.textContent).toContain('预约签到（离线核验，待同步）'))
    expect(document.getElementById('desk-network')!.textContent).toBe('离线')
    expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 1 条')
    expect(document.getElementById(`roster-status-${booked.id}`)!.textContent).toBe('已签到')

    // The same code again on this device is a replay.
    await typeInto('desk-checkin-input', code)
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-checkin-error-message')!.getAttribute('data-code')).toBe('TOKEN_REPLAYED'))
    expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 1 条')

    await typeInto('desk-checkin-input', holderCode(2))
    await click('desk-checkin-submit')
    await waitFor(() => expect(document.getElementById('desk-problem-open')).toBeTruthy())
    await click('desk-problem-open')
    await click('desk-problem-category-talent')
    await typeInto('desk-problem-title', '人才公寓申请条件')
    await typeInto('desk-problem-description', '企业引进的硕士能否申请人才公寓')
    await click('desk-problem-handling-defer')
    await click('desk-problem-submit')
    // The deferral rule holds offline: nothing queued without the explanation, the suggestion and the next step.
    await waitFor(() => expect(document.getElementById('desk-problem-error')).toBeTruthy())
    expect(document.getElementById('desk-problem-error')!.textContent).toMatch(/解释|说明/)
    expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 2 条')
    await click('desk-problem-handling-answer')
    await typeInto('desk-problem-reply', '硕士可申请，已告知所需材料')
    await click('desk-problem-submit')
    await waitFor(() => expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 4 条'))

    // Closing the mini program: a new store and page read the queue back from the phone.
    page.store.dispose()
    cleanup()
    page = await renderPage(<DeskPage />, api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 4 条'))
    expect(document.getElementById('desk-network')!.textContent).toBe('离线')
    expect(pushed).toHaveLength(0)

    network.up = true
    await click('desk-sync-now')
    await waitFor(() => expect(document.getElementById('desk-queued')!.textContent).toBe('待同步 0 条'))
    expect(document.getElementById('desk-last-sync')!.textContent).toContain('上次同步')
    expect(pushed.map((a) => a.kind)).toEqual(['bookings.checkIn', 'bookings.checkIn', 'problems.submit', 'problems.answer'])
    const [, , submit, answer] = pushed
    expect(submit.payload).toMatchObject({ holderId, bookingId: booked.id, category: 'talent', title: '人才公寓申请条件' })
    expect(answer.payload).toEqual({ id: submit.id, reply: '硕士可申请，已告知所需材料', version: 0 })
    await act(async () => page.store.dispose())
  })

  it('without a kit says how to get one rather than failing silently', async () => {
    const network = { up: false }
    const { api } = deskApi(network)
    const { store } = await renderPage(<DeskPage />, api, staffUser)
    await waitFor(() => expect(document.getElementById('desk-no-kit')!.textContent).toContain('本机没有今天场次的离线包'))
    expect(screen.queryByText('今天没有您值守的场次')).toBeNull()
    store.dispose()
  })
})
