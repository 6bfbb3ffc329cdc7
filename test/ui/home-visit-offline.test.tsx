import { act, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomeVisitPage from '@/packages/holder/pages/sessions/home-visit'
import type { HomeVisitView } from '@/core/booking/booking.schema'
import { networkFailure } from '@/api/client'
import { shanghaiToday } from '@/utils/time'
import { homeVisit } from './booking-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, renderPage, typeInto } from './render'
import { holderForms } from '@/stores/holder-forms'

type Network = 'up' | 'down' | 'answer-lost'

const inDays = (days: number) => shanghaiToday(Date.now() + days * 86_400_000)

/** bookings.requestHomeVisit as the backend keeps it: once per idempotency key. */
function homeVisitBackend() {
  const stored = new Map<string, HomeVisitView>()
  const state = { network: 'up' as Network }
  const api = new FakeApi().on('bookings.requestHomeVisit', (input) => {
    if (state.network === 'down') return networkFailure()
    const visit = stored.get(input.idempotencyKey) ?? { ...homeVisit, status: 'requested', address: input.address, topic: input.topic, preferredDates: input.preferredDates, date: null }
    stored.set(input.idempotencyKey, visit)
    return state.network === 'answer-lost' ? networkFailure() : ok(visit)
  })
  return { api, stored, state }
}

const field = (id: string) => document.getElementById(id)?.querySelector<HTMLInputElement>('input, textarea') ?? null

describe('申请上门服务 on a weak network', () => {
  beforeEach(() => localStorage.clear())

  it('keeps a request whose answer was lost as 待发送 across a restart, then sends it again with the same key: one request', async () => {
    const backend = homeVisitBackend()
    const first = await renderPage(<HomeVisitPage />, backend.api, holderUser)
    await typeInto('hv-address', '燕郊高新区创业大街6号')
    await typeInto('hv-topic', '环评手续咨询')
    await act(async () => holderForms(first.store).homeVisitForm.addDate(inDays(3)))
    backend.state.network = 'answer-lost'
    await click('hv-submit')
    await waitFor(() => expect(document.getElementById('hv-queued')).toBeTruthy())
    expect(document.getElementById('hv-queued')!.textContent).toContain('待发送')
    expect(document.getElementById('hv-error')).toBeNull()
    first.unmount()
    first.store.dispose()

    backend.state.network = 'down'
    const second = await renderPage(<HomeVisitPage />, backend.api, holderUser)
    await waitFor(() => expect(document.getElementById('hv-queued')).toBeTruthy())
    await waitFor(() => expect(field('hv-address')?.value).toBe('燕郊高新区创业大街6号'))
    expect(field('hv-address')!.disabled).toBe(true)
    expect(document.getElementById(`hv-date-${inDays(3)}`)).toBeTruthy()

    backend.state.network = 'up'
    await click('hv-retry')
    await waitFor(() => expect(document.getElementById('hv-success')).toBeTruthy())
    expect(document.getElementById('hv-success')!.textContent).toContain('已提交')
    // Issue 15, defect 12: the answer alone, with the ways on, and no blank form to send again.
    expect(['hv-address', 'hv-submit'].map((id) => document.getElementById(id))).toEqual([null, null])
    expect(['hv-go-bookings', 'hv-go-home'].map((id) => document.getElementById(id)?.textContent)).toEqual(['查看我的预约', '返回首页'])
    const keys = backend.api.callsOf('bookings.requestHomeVisit').map((call) => call.payload.idempotencyKey)
    expect(keys.length).toBeGreaterThanOrEqual(3)
    expect(new Set(keys).size).toBe(1)
    expect(backend.stored.size).toBe(1)
    expect(Object.keys(localStorage).filter((key) => key.startsWith('draft.homeVisit.'))).toEqual([])
    second.store.dispose()
  })

  it('brings back what was typed, without the dates that have passed', async () => {
    Taro.setStorageSync(`draft.homeVisit.${holderUser.id}`, {
      v: 1,
      fields: { address: '燕郊高新区创业大街6号', topic: '环评', problemText: '', preferredDates: ['2020-01-02', inDays(5)] },
      sent: null,
      queued: false,
    })
    const { store } = await renderPage(<HomeVisitPage />, homeVisitBackend().api, holderUser)
    await waitFor(() => expect(field('hv-topic')?.value).toBe('环评'))
    expect(holderForms(store).homeVisitForm.preferredDates).toEqual([inDays(5)])
    expect(document.getElementById('hv-submit')).toBeTruthy()
    store.dispose()
  })
})
