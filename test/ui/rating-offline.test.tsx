import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import RatingsPage from '@/packages/holder/pages/ratings/index'
import type { RatingView } from '@/core/rating/rating.schema'
import { networkFailure } from '@/api/client'
import { FakeApi, holderUser, ok } from './fake-api'
import { pendingView, ratingView, VISIT_ID } from './rating-fixtures'
import { click, renderPage } from './render'

type Network = 'up' | 'down' | 'answer-lost'

/** ratings.submit as the backend keeps it: once per item; a second rating of it is ALREADY_RATED. */
function ratingBackend() {
  const stored: RatingView[] = []
  const state = { network: 'up' as Network }
  const api = new FakeApi()
    .on('ratings.pending', () => (state.network === 'up' ? ok({ items: stored.length ? [] : [pendingView()] }) : networkFailure()))
    .on('ratings.mine', () => (state.network === 'up' ? ok({ items: stored }) : networkFailure()))
    .on('ratings.submit', (input) => {
      if (state.network === 'down') return networkFailure()
      if (stored.some((rating) => rating.targetId === input.targetId)) return { ok: false, error: { code: 'ALREADY_RATED', message: '您已评价过，不能重复评价' } }
      stored.push(ratingView({ attitude: input.attitude, quality: input.quality, effectiveness: input.effectiveness }))
      return state.network === 'answer-lost' ? networkFailure() : ok(stored[0])
    })
  return { api, stored, state }
}

const shown = (id: string) => document.getElementById(id) !== null
const text = (id: string) => document.getElementById(id)?.textContent ?? ''

describe('服务评价 on a weak network', () => {
  beforeEach(() => {
    localStorage.clear()
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: {} } } as never)
  })
  afterEach(() => jest.restoreAllMocks())

  async function rate() {
    await waitFor(() => expect(shown(`pending-rate-${VISIT_ID}`)).toBe(true))
    await click(`pending-rate-${VISIT_ID}`)
    await click('rate-attitude-5')
    await click('rate-quality-4')
    await click('rate-effectiveness-4')
  }

  it('keeps a rating whose answer was lost as 待发送 across a restart, and counts it as sent once the backend has it', async () => {
    const backend = ratingBackend()
    const first = await renderPage(<RatingsPage />, backend.api, holderUser)
    await rate()
    backend.state.network = 'answer-lost'
    await click('rate-submit')
    await waitFor(() => expect(shown('rate-queued')).toBe(true))
    expect(text('rate-queued')).toContain('待发送')
    expect(text('rate-queued')).toContain('非常满意')
    // While it waits, no other card opens and the sent one cannot change.
    expect(shown('rating-card')).toBe(false)
    first.unmount()
    first.store.dispose()

    backend.state.network = 'down'
    const second = await renderPage(<RatingsPage />, backend.api, holderUser)
    await waitFor(() => expect(shown('rate-queued')).toBe(true))
    backend.state.network = 'up'
    await click('rate-retry')
    await waitFor(() => expect(text('rate-done')).toContain('评价已提交'))
    expect(shown('rate-queued')).toBe(false)
    expect(backend.stored).toHaveLength(1)
    expect(Object.keys(localStorage).filter((key) => key.startsWith('draft.rating.'))).toEqual([])
    second.store.dispose()
  })

  it('sends a waiting rating by itself when the network returns', async () => {
    const backend = ratingBackend()
    const { store } = await renderPage(<RatingsPage />, backend.api, holderUser)
    await rate()
    backend.state.network = 'down'
    await click('rate-submit')
    await waitFor(() => expect(shown('rate-queued')).toBe(true))
    backend.state.network = 'up'
    window.dispatchEvent(new Event('online'))
    await waitFor(() => expect(shown('rate-done')).toBe(true))
    expect(backend.api.callsOf('ratings.submit')).toHaveLength(2)
    expect(backend.stored).toHaveLength(1)
    store.dispose()
  })

  it('brings back a card left half done', async () => {
    const backend = ratingBackend()
    const first = await renderPage(<RatingsPage />, backend.api, holderUser)
    await rate()
    first.unmount()
    first.store.dispose()
    const second = await renderPage(<RatingsPage />, backend.api, holderUser)
    await waitFor(() => expect(shown('rating-card')).toBe(true))
    expect(document.getElementById('rate-attitude-5')!.className).toContain('chip-active')
    second.store.dispose()
  })
})
