import { act, fireEvent, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SubmitProblemPage from '@/packages/holder/pages/problems/submit'
import type { ProblemSubmitInput } from '@/core/problem/problem.schema'
import { networkFailure } from '@/api/client'
import { FakeApi, holderUser, ok } from './fake-api'
import { FakeUploader, PROBLEM_ID } from './problem-fixtures'
import { click, renderPage, typeInto } from './render'

type Network = 'up' | 'down' | 'answer-lost'

/**
 * problems.submit as the backend keeps it: once per idempotency key (a second call with the key answers the first
 * copy). `answer-lost`: the backend stores the problem and the answer never reaches the phone.
 */
function problemBackend() {
  const stored = new Map<string, { input: ProblemSubmitInput; id: string }>()
  const state = { network: 'up' as Network }
  const api = new FakeApi()
    .on('bookings.mine', () => ok({ items: [] }))
    .on('bookings.homeVisits', () => ok({ items: [] }))
    .on('problems.mine', () => ok({ items: [] }))
    .on('problems.submit', (input) => {
      if (state.network === 'down') return networkFailure()
      const first = stored.get(input.idempotencyKey) ?? { input, id: stored.size === 0 ? PROBLEM_ID : `p-${stored.size}` }
      stored.set(input.idempotencyKey, first)
      return state.network === 'answer-lost' ? networkFailure() : ok({ id: first.id, status: 'submitted' })
    })
  return { api, stored, state }
}

async function addFile(name: string) {
  const input = document.getElementById('problem-photo-file') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], name, { type: 'image/jpeg' })], configurable: true })
  await act(async () => {
    fireEvent.change(input)
  })
}

async function fillForm() {
  await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
  await click('problem-category-planning')
  await typeInto('problem-title', '厂房规划许可办理进度')
  await typeInto('problem-description', '二期厂房规划许可已提交两个月，想了解进度。')
}

const field = (id: string) => document.getElementById(id)?.querySelector<HTMLInputElement>('input, textarea') ?? null
const draftKeys = () => Object.keys(localStorage).filter((key) => key.startsWith('draft.problem.'))

describe('提交诉求 on a weak network', () => {
  let redirect: jest.SpyInstance
  beforeEach(() => {
    localStorage.clear()
    redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve() as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
    ;(URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => 'blob:preview'
  })
  afterEach(() => jest.restoreAllMocks())

  it('stores one problem when the answer was lost: 待发送 survives a restart and the retry sends the same key', async () => {
    const backend = problemBackend()
    const first = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await fillForm()
    await addFile('site.jpg')
    await waitFor(() => expect(document.getElementById('problem-photo-0')!.textContent).not.toContain('上传中'))

    backend.state.network = 'answer-lost'
    await click('problem-submit')
    await waitFor(() => expect(document.getElementById('problem-queued')).toBeTruthy())
    expect(document.getElementById('problem-queued')!.textContent).toContain('待发送')
    expect(document.getElementById('problem-queued')!.textContent).toContain('网络恢复后会自动提交')
    expect(document.getElementById('problem-submit')).toBeNull()
    expect(backend.stored.size).toBe(1)
    // The key goes into the draft with the content it was sent for, at once (the phone may be closed right after).
    const sentKey = backend.api.callsOf('problems.submit')[0].payload.idempotencyKey as string
    expect(localStorage.getItem(`draft.problem.${holderUser.id}`)).toContain(sentKey)
    expect(localStorage.getItem(`draft.problem.${holderUser.id}`)).toContain('"queued":true')
    // What was sent stays as it was sent.
    await waitFor(() => expect(field('problem-title')?.disabled).toBe(true))

    // The mini program is closed and opened again, still without a network: the draft and its state come back.
    first.unmount()
    first.store.dispose()
    backend.state.network = 'down'
    const second = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-queued')).toBeTruthy())
    await waitFor(() => expect(field('problem-title')?.value).toBe('厂房规划许可办理进度'))
    expect(document.getElementById('problem-photo-0')).toBeTruthy()

    backend.state.network = 'up'
    await click('problem-retry')
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/packages/user/pages/problem/detail?id=${PROBLEM_ID}` }))

    const keys = backend.api.callsOf('problems.submit').map((call) => call.payload.idempotencyKey)
    expect(keys.length).toBeGreaterThanOrEqual(3)
    expect(new Set(keys).size).toBe(1)
    expect(backend.stored.size).toBe(1)
    expect([...backend.stored.values()][0].input.photos).toEqual(['uploads/photo-1.jpg'])
    expect(draftKeys()).toEqual([])
    second.store.dispose()
  })

  it('sends a waiting problem by itself when the network returns, once', async () => {
    const backend = problemBackend()
    const { store } = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await fillForm()
    backend.state.network = 'down'
    await click('problem-submit')
    await waitFor(() => expect(document.getElementById('problem-queued')).toBeTruthy())

    backend.state.network = 'up'
    await act(async () => {
      window.dispatchEvent(new Event('online'))
      window.dispatchEvent(new Event('online'))
    })
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/packages/user/pages/problem/detail?id=${PROBLEM_ID}` }))
    const keys = backend.api.callsOf('problems.submit').map((call) => call.payload.idempotencyKey)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(backend.stored.size).toBe(1)
    store.dispose()
  })

  it('keeps a photo picked offline on the phone and uploads it from there after a restart', async () => {
    const backend = problemBackend()
    const offlineUploader = new FakeUploader(() => networkFailure())
    const first = await renderPage(<SubmitProblemPage />, backend.api, holderUser, offlineUploader)
    await fillForm()
    await addFile('offline.jpg')
    await waitFor(() => expect(document.getElementById('problem-photo-0')!.textContent).toContain('待上传'))
    await click('problem-submit')
    await waitFor(() => expect(document.getElementById('problem-queued')).toBeTruthy())
    expect(backend.api.callsOf('problems.submit')).toHaveLength(0)
    // The draft is written after a typing pause.
    await waitFor(() => expect(localStorage.getItem(draftKeys()[0] ?? '')).toContain('data:image/jpeg;base64,'))
    first.unmount()
    first.store.dispose()

    const uploader = new FakeUploader()
    const second = await renderPage(<SubmitProblemPage />, backend.api, holderUser, uploader)
    // Opened with the network back: the waiting problem goes by itself, its photo first.
    await waitFor(() => expect(redirect).toHaveBeenCalled())
    expect(uploader.uploads).toHaveLength(1)
    const sent = uploader.uploads[0] as { file: Blob }
    expect(sent.file.size).toBe(4)
    expect(backend.api.callsOf('problems.submit').map((call) => call.payload.photos)).toEqual([['uploads/photo-1.jpg']])
    expect(backend.stored.size).toBe(1)
    second.store.dispose()
  })

  it('keeps the text but not photos past the storage budget, and asks for them again', async () => {
    const backend = problemBackend()
    const first = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader(() => networkFailure()))
    await fillForm()
    // Two photos of 600 KB picked offline: as data URLs they would take 1.6 MB of storage.
    const input = document.getElementById('problem-photo-file') as HTMLInputElement
    const big = (name: string) => new File([new Uint8Array(600_000).fill(0xff)], name, { type: 'image/jpeg' })
    Object.defineProperty(input, 'files', { value: [big('a.jpg'), big('b.jpg')], configurable: true })
    await act(async () => {
      fireEvent.change(input)
    })
    await waitFor(() => expect(document.getElementById('problem-photo-1')!.textContent).toContain('待上传'))
    await waitFor(() => expect(localStorage.getItem(`draft.problem.${holderUser.id}`)).toContain('"lost":2'))
    first.unmount()
    first.store.dispose()

    const second = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-photos-lost')!.textContent).toBe('草稿里有2张图片没能保存在本机，请重新添加。'))
    expect(document.getElementById('problem-photo-0')).toBeNull()
    await waitFor(() => expect(field('problem-title')?.value).toBe('厂房规划许可办理进度'))
    second.store.dispose()
  })

  it('keeps the draft of a person who signs out with the page open', async () => {
    const backend = problemBackend().api.on('auth.logout', () => ok({ signedOut: true as const }))
    const first = await renderPage(<SubmitProblemPage />, backend, holderUser, new FakeUploader())
    await fillForm()
    await waitFor(() => expect(localStorage.getItem(`draft.problem.${holderUser.id}`)).toContain('厂房规划许可办理进度'))
    await act(async () => {
      await first.store.session.logout()
    })
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)))
    expect(localStorage.getItem(`draft.problem.${holderUser.id}`)).toContain('厂房规划许可办理进度')
    first.store.dispose()
  })

  it('keeps the draft per person: another user signing in on the phone starts empty', async () => {
    const backend = problemBackend()
    const first = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await fillForm()
    first.unmount()
    first.store.dispose()
    expect(draftKeys()).toEqual([`draft.problem.${holderUser.id}`])

    const other = await renderPage(<SubmitProblemPage />, backend.api, { ...holderUser, id: 'u-holder-2', name: '李经理' }, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-title')).toBeTruthy())
    await waitFor(() => expect(field('problem-title')).toBeTruthy())
    expect(field('problem-title')!.value).toBe('')
    other.unmount()
    other.store.dispose()

    const back = await renderPage(<SubmitProblemPage />, backend.api, holderUser, new FakeUploader())
    await waitFor(() => expect(field('problem-title')?.value).toBe('厂房规划许可办理进度'))
    back.store.dispose()
  })
})
