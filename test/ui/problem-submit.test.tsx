import { act, fireEvent, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import SubmitProblemPage from '@/packages/holder/pages/problems/submit'
import { FakeApi, holderUser, ok } from './fake-api'
import { FakeUploader, PROBLEM_ID } from './problem-fixtures'
import { click, expectNotice, renderPage, typeInto } from './render'

function holderApi() {
  return new FakeApi().on('bookings.mine', () => ok({ items: [] })).on('bookings.homeVisits', () => ok({ items: [] }))
}

async function addFiles(names: string[]) {
  const input = document.getElementById('problem-photo-file') as HTMLInputElement
  expect(input).toBeTruthy()
  const files = names.map((name) => new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' }))
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  await act(async () => {
    fireEvent.change(input)
  })
}

describe('提交诉求', () => {
  let redirect: jest.SpyInstance
  beforeEach(() => {
    localStorage.clear()
    redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve() as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
    ;(URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => 'blob:preview'
  })
  afterEach(() => jest.restoreAllMocks())

  it('refuses an empty title and a missing category without calling the api', async () => {
    const api = holderApi()
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-submit')).toBeTruthy())
    await typeInto('problem-description', '二期厂房规划许可已提交两个月')
    await click('problem-submit')
    expect(document.getElementById('problem-title-error')!.textContent).toBe('请填写诉求标题')
    expect(document.getElementById('problem-category-error')!.textContent).toBe('请选择诉求类别')
    expect(api.callsOf('problems.submit')).toHaveLength(0)
    store.dispose()
  })

  it('uploads photos through the upload port, sends their keys, and reuses the idempotency key on retry', async () => {
    const uploader = new FakeUploader()
    let attempts = 0
    const api = holderApi().on('problems.submit', () => {
      attempts += 1
      return attempts === 1 ? { ok: false, error: { code: 'INTERNAL', message: '网络异常，请稍后重试' } } : ok({ id: PROBLEM_ID, status: 'submitted' })
    })
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())

    await click('problem-category-planning')
    await typeInto('problem-title', '  厂房规划许可办理进度 ')
    await typeInto('problem-description', '二期厂房规划许可已提交两个月，想了解进度。')
    await addFiles(['a.jpg', 'b.jpg', 'c.jpg'])
    await waitFor(() => expect(document.getElementById('problem-photo-2')).toBeTruthy())
    expect(uploader.uploads).toHaveLength(3)
    expect('file' in uploader.uploads[0]).toBe(true)
    // Remove the middle one: its key is not sent.
    await click('problem-photo-remove-1')
    expect(document.getElementById('problem-photo-2')).toBeNull()

    await click('problem-submit')
    await waitFor(() => expect(document.getElementById('problem-error')).toBeTruthy())
    expectNotice('problem-error', 'INTERNAL')
    await click('problem-submit')
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/packages/user/pages/problem/detail?id=${PROBLEM_ID}` }))

    const [first, second] = api.callsOf('problems.submit').map((call) => call.payload)
    expect(first).toEqual({
      category: 'planning',
      title: '厂房规划许可办理进度',
      description: '二期厂房规划许可已提交两个月，想了解进度。',
      photos: ['uploads/photo-1.jpg', 'uploads/photo-3.jpg'],
      idempotencyKey: expect.stringMatching(/^[a-z0-9]{16,}$/),
    })
    expect(second.idempotencyKey).toBe(first.idempotencyKey)
    store.dispose()
  })

  it('takes at most 9 photos and refuses to submit while one failed to upload', async () => {
    const uploader = new FakeUploader((n) => (n === 2 ? { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过10MB' } } : { ok: true, data: { key: `uploads/p${n}.jpg`, url: `http://host/uploads/p${n}.jpg?exp=1&sig=s` } }))
    const api = holderApi()
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
    await addFiles(Array.from({ length: 11 }, (_, i) => `${i}.jpg`))
    await waitFor(() => expect(document.getElementById('problem-photo-8')).toBeTruthy())
    expect(document.getElementById('problem-photo-9')).toBeNull()
    expect(document.getElementById('problem-photo-add')).toBeNull()
    expect(uploader.uploads).toHaveLength(9)
    await click('problem-category-land')
    await typeInto('problem-title', '用地指标')
    await typeInto('problem-description', '需要协调用地指标')
    await click('problem-submit')
    expect(document.getElementById('problem-photos-error')!.textContent).toContain('没有上传成功')
    expect(api.callsOf('problems.submit')).toHaveLength(0)
    store.dispose()
  })

  it('pre-links the booking given in the route', async () => {
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { bookingId: 'bbbbbbbb-0000-4000-8000-000000000009' } } } as never)
    const api = holderApi().on('problems.submit', () => ok({ id: PROBLEM_ID, status: 'submitted' }))
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, new FakeUploader())
    await waitFor(() => expect(document.getElementById('problem-submit')).toBeTruthy())
    await click('problem-category-other')
    await typeInto('problem-title', '现场咨询')
    await typeInto('problem-description', '预约时提到的问题')
    await click('problem-submit')
    await waitFor(() => expect(api.callsOf('problems.submit')).toHaveLength(1))
    expect(api.callsOf('problems.submit')[0].payload.bookingId).toBe('bbbbbbbb-0000-4000-8000-000000000009')
    expect(api.callsOf('problems.submit')[0].payload).not.toHaveProperty('photos')
    store.dispose()
  })

  it('提交 tapped while a photo is still uploading sends the problem once the photo is up, with its key', async () => {
    let finish: () => void = () => {}
    const up = new Promise<void>((resolve) => (finish = resolve))
    const slow = new FakeUploader()
    const uploader = { ...slow, url: slow.url, upload: async (source: Parameters<FakeUploader['upload']>[0]) => (await up, slow.upload(source)) }
    const api = holderApi().on('problems.submit', () => ok({ id: PROBLEM_ID, status: 'submitted' }))
    const { store } = await renderPage(<SubmitProblemPage />, api, holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
    await click('problem-category-land')
    await typeInto('problem-title', '新厂房用地指标')
    await typeInto('problem-description', '二期厂房需新增用地约20亩，想了解指标申请流程。')
    await addFiles(['site.jpg'])
    await waitFor(() => expect(document.getElementById('problem-photo-0')!.textContent).toContain('上传中'))

    await click('problem-submit')
    expect(api.callsOf('problems.submit')).toHaveLength(0)
    expect(document.getElementById('problem-photos-error')).toBeNull()
    await act(async () => finish())
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/packages/user/pages/problem/detail?id=${PROBLEM_ID}` }))
    expect(api.callsOf('problems.submit')).toHaveLength(1)
    expect(api.callsOf('problems.submit')[0].payload.photos).toEqual(['uploads/photo-1.jpg'])
    store.dispose()
  })
})
