import Taro from '@tarojs/taro'
import { isChunkLoadFailure, reportPageLoadFailures } from '@/utils/page-load-failure'

/** Issue 15, defect 4: a tab tapped offline in H5 (its page chunk cannot load) says so and offers 重试. */
describe('a page that cannot load in H5', () => {
  afterEach(() => jest.restoreAllMocks())

  it('recognises webpack chunk failures, and nothing else', () => {
    const chunk = Object.assign(new Error('Loading chunk 812 failed.\n(error: http://127.0.0.1/chunk/812.js)'), { name: 'ChunkLoadError' })
    expect(isChunkLoadFailure(chunk)).toBe(true)
    expect(isChunkLoadFailure(new Error('Loading CSS chunk 12 failed.\n(/css/12.css)'))).toBe(true)
    expect(isChunkLoadFailure(new Error('boom'))).toBe(false)
    expect(isChunkLoadFailure('Loading chunk 1 failed')).toBe(false)
    expect(isChunkLoadFailure(null)).toBe(false)
  })

  async function reject(reason: unknown, confirm: boolean) {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })
    const relaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    const back = jest.spyOn(window.history, 'back').mockImplementation(() => {})
    window.location.hash = '#/pages/card/index'
    const stop = reportPageLoadFailures(window)
    const event = new Event('unhandledrejection', { cancelable: true }) as PromiseRejectionEvent
    Object.defineProperty(event, 'reason', { value: reason })
    window.dispatchEvent(event)
    await new Promise((resolve) => setTimeout(resolve, 0))
    stop()
    return { modal, relaunch, back, prevented: event.defaultPrevented }
  }

  it('shows 网络连接不可用 with 重试, which opens the page again', async () => {
    const { modal, relaunch, back, prevented } = await reject(Object.assign(new Error('Loading chunk 3 failed.'), { name: 'ChunkLoadError' }), true)
    expect(prevented).toBe(true)
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '页面未能打开', content: '网络连接不可用，请检查网络后重试', confirmText: '重试' }))
    expect(relaunch).toHaveBeenCalledWith({ url: '/pages/card/index' })
    expect(back).not.toHaveBeenCalled()
  })

  it('取消 goes back to the page still on screen', async () => {
    const { relaunch, back } = await reject(Object.assign(new Error('Loading chunk 3 failed.'), { name: 'ChunkLoadError' }), false)
    expect(relaunch).not.toHaveBeenCalled()
    expect(back).toHaveBeenCalledTimes(1)
  })

  it('leaves other rejections alone', async () => {
    const { modal, prevented } = await reject(new Error('boom'), true)
    expect(modal).not.toHaveBeenCalled()
    expect(prevented).toBe(false)
  })
})
