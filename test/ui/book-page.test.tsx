import { act, waitFor } from '@testing-library/react'
import BookPage from '@/packages/holder/pages/sessions/book'
import { booking, tuesday } from './booking-fixtures'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, expectNotice, renderPage, typeInto } from './render'
import { holderForms } from '@/stores/holder-forms'

const slot = tuesday.slots[0]

describe('预约办理', () => {
  it('refuses an empty topic without calling the api', async () => {
    const api = new FakeApi().on('stations.sessions', () => ok({ items: [tuesday] }))
    const { store } = await renderPage(<BookPage />, api, holderUser)
    await act(async () => holderForms(store).bookingForm.open(slot.id))
    await waitFor(() => expect(document.getElementById('book-slot')?.textContent).toContain('环翠区政务服务中心流动站'))
    expect(document.getElementById('book-slot')?.textContent).toContain('3月12日 周二 09:00–09:30')

    await typeInto('book-topic', '   ')
    await click('book-submit')
    expect(document.getElementById('book-topic-error')?.textContent).toBe('请填写办理事项')
    expect(api.callsOf('bookings.create')).toHaveLength(0)
    store.dispose()
  })

  it('sends an idempotency key and reuses it when the same submission is retried after a network failure', async () => {
    let attempts = 0
    const api = new FakeApi().on('stations.sessions', () => ok({ items: [tuesday] })).on('bookings.create', (payload) => {
      attempts += 1
      if (attempts === 1) return { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } }
      return ok(booking({ id: 'dddddddd-0000-4000-8000-000000000001', topic: String(payload.topic), problemText: String(payload.problemText) }))
    })
    const { store } = await renderPage(<BookPage />, api, holderUser)
    await act(async () => holderForms(store).bookingForm.open(slot.id))
    await typeInto('book-topic', ' 项目立项咨询 ')
    await typeInto('book-problem', '用地预审需要哪些材料？')
    await click('book-submit')

    await waitFor(() => expect(document.getElementById('book-error')).toBeTruthy())
    expect(document.getElementById('book-error')!.textContent).toContain('网络异常，请稍后重试')
    expectNotice('book-error', 'INTERNAL')
    const first = api.callsOf('bookings.create')[0].payload
    expect(first).toEqual({ slotId: slot.id, topic: '项目立项咨询', problemText: '用地预审需要哪些材料？', idempotencyKey: expect.any(String) })
    expect(first.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)

    await click('book-submit')
    await waitFor(() => expect(document.getElementById('book-success')).toBeTruthy())
    const second = api.callsOf('bookings.create')[1].payload
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
    expect(document.getElementById('book-success')!.textContent).toContain('预约成功')
    expect(document.getElementById('book-success')!.textContent).toContain('环翠区政务服务中心流动站')
    expect(document.getElementById('book-go-bookings')).toBeTruthy()
    // The new booking is in 我的预约 and its seat is taken in the list.
    expect(store.bookings.items.map((b) => b.id)).toEqual(['dddddddd-0000-4000-8000-000000000001'])
    expect(store.sessions.findSlot(slot.id)?.slot.booked).toBe(slot.booked + 1)
    store.dispose()
  })

  it('uses a fresh key for a changed submission and shows a refusal with its code', async () => {
    const api = new FakeApi()
      .on('stations.sessions', () => ok({ items: [tuesday] }))
      .on('bookings.create', () => ({ ok: false, error: { code: 'SLOT_FULL', message: '该时段已约满，请选择其他时段' } }))
    const { store } = await renderPage(<BookPage />, api, holderUser)
    await act(async () => holderForms(store).bookingForm.open(slot.id))
    await typeInto('book-topic', '融资对接')
    await click('book-submit')
    await waitFor(() => expectNotice('book-error', 'SLOT_FULL'))
    expect(document.getElementById('book-error')!.textContent).toContain('该时段已约满')
    await typeInto('book-topic', '融资对接咨询')
    await click('book-submit')
    await waitFor(() => expect(api.callsOf('bookings.create')).toHaveLength(2))
    const [a, b] = api.callsOf('bookings.create').map((call) => call.payload.idempotencyKey)
    expect(a).not.toBe(b)
    store.dispose()
  })
})
