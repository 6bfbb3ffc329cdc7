import { act, fireEvent, waitFor } from '@testing-library/react'
import SubmitProblemPage from '@/packages/holder/pages/problems/submit'
import { FakeApi, holderUser, ok } from './fake-api'
import { FakeUploader } from './problem-fixtures'
import { click, renderPage } from './render'

/** Issue 15, defect 5: the host's reason reaches the person, a failed photo is sent again where it is, nothing of 14 MB leaves the phone. */
const MB = 1024 * 1024
const TYPE_REFUSED = '只能上传 JPG、PNG、WebP 图片或 PDF 文件（文件已损坏或含有非图片内容）'

function holderApi() {
  return new FakeApi().on('bookings.mine', () => ok({ items: [] })).on('bookings.homeVisits', () => ok({ items: [] }))
}

async function addFile(file: File) {
  const input = document.getElementById('problem-photo-file') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  await act(async () => {
    fireEvent.change(input)
  })
}

const text = (id: string) => document.getElementById(id)?.textContent ?? null

describe('诉求图片', () => {
  beforeEach(() => {
    localStorage.clear()
    ;(URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = () => 'blob:preview'
  })
  afterEach(() => {
    jest.restoreAllMocks()
    delete (globalThis as { createImageBitmap?: unknown }).createImageBitmap
  })

  it("shows the host's reason for a refused photo and sends it again in place", async () => {
    let refuse = true
    const uploader = new FakeUploader((n) =>
      refuse ? { ok: false, error: { code: 'VALIDATION_FAILED', message: TYPE_REFUSED } } : { ok: true, data: { key: `uploads/photo-${n}.jpg`, url: 'http://host/p.jpg' } },
    )
    const { store } = await renderPage(<SubmitProblemPage />, holderApi(), holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
    await addFile(new File([new Uint8Array([1, 2, 3])], 'a.heic', { type: 'image/heic' }))

    await waitFor(() => expect(text('problem-photo-failed-0')).toContain(`第1张图片：${TYPE_REFUSED}`))
    expect(document.body.textContent).not.toContain('上传失败')
    refuse = false
    await click('problem-photo-retry-0')
    await waitFor(() => expect(document.getElementById('problem-photo-failed-0')).toBeNull())
    expect(uploader.uploads).toHaveLength(2)
    expect(document.getElementById('problem-photo-0')!.textContent).not.toContain('未上传')
    store.dispose()
  })

  it('sends a 14 MB photo redrawn as a JPEG of at most 1280 px', async () => {
    const small = new Blob([new Uint8Array(150 * 1024)], { type: 'image/jpeg' })
    let drawn: { width: number; height: number } | null = null
    ;(globalThis as { createImageBitmap?: unknown }).createImageBitmap = async () => ({ width: 4000, height: 3000, close: () => {} })
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      drawn = { width: this.width, height: this.height }
      return { drawImage: () => {} } as never
    })
    jest.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback, type, quality) => {
      expect([type, quality]).toEqual(['image/jpeg', 0.7])
      callback(small)
    })
    const uploader = new FakeUploader()
    const { store } = await renderPage(<SubmitProblemPage />, holderApi(), holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
    await addFile(new File([new Uint8Array(14 * MB)], 'big.jpg', { type: 'image/jpeg' }))

    await waitFor(() => expect(uploader.uploads).toHaveLength(1))
    expect(drawn).toEqual({ width: 1280, height: 960 })
    expect((uploader.uploads[0] as { file: Blob }).file).toBe(small)
    store.dispose()
  })

  it('does not send a file over 10 MB the phone cannot make smaller, and says why', async () => {
    const uploader = new FakeUploader()
    const { store } = await renderPage(<SubmitProblemPage />, holderApi(), holderUser, uploader)
    await waitFor(() => expect(document.getElementById('problem-photo-add')).toBeTruthy())
    await addFile(new File([new Uint8Array(10 * MB + 1)], 'big.jpg', { type: 'image/jpeg' }))

    await waitFor(() => expect(text('problem-photo-failed-0')).toContain('第1张图片：图片不能超过10MB'))
    expect(uploader.uploads).toHaveLength(0)
    store.dispose()
  })
})
