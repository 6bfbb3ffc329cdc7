import { screen, waitFor } from '@testing-library/react'
import VerifyPage from '@/packages/staff/pages/verify/index'
import { enterpriseCard, FakeApi, holderUser, ok, staffUser } from './fake-api'
import { click, expectNotice, renderPage, typeInto } from './render'

describe('扫码核验', () => {
  it('shows the holder profile for a valid token', async () => {
    const api = new FakeApi().on('cards.verify', () => ok({ ...enterpriseCard, verifiedAt: '2026-03-01T02:00:00.000Z' }))
    const { store } = await renderPage(<VerifyPage />, api, staffUser)
    await typeInto('verify-input', '  LDZW1.valid-token  ')
    await click('verify-submit')

    await waitFor(() => expect(document.getElementById('verify-holder-name')?.textContent).toBe('三河智造科技有限公司'))
    expect(api.callsOf('cards.verify')[0].payload).toEqual({ qr: 'LDZW1.valid-token' })
    const result = document.getElementById('verify-result')!.textContent!
    expect(result).toContain('企业卡')
    expect(result).toContain('高新技术企业')
    expect(result).toContain('GR202513000123')
    expect(result).toContain('13812345678')
    expect(result).toContain('E2026000001')
    expect(result).toContain('正常')
    expect(document.getElementById('verify-error')).toBeNull()
    store.dispose()
  })

  it('shows a refusal with its Chinese message and code, distinct from success', async () => {
    const api = new FakeApi().on('cards.verify', () => ({
      ok: false,
      error: { code: 'TOKEN_REPLAYED', message: '该二维码已被核验过，不能重复使用，请让对方刷新后重新出示' },
    }))
    const { store } = await renderPage(<VerifyPage />, api, staffUser)
    await typeInto('verify-input', 'LDZW1.used-token')
    await click('verify-submit')

    await waitFor(() => expect(document.getElementById('verify-error')).toBeTruthy())
    const error = document.getElementById('verify-error')!
    expect(error.textContent).toContain('该二维码已被核验过，不能重复使用')
    expectNotice('verify-error-message', 'TOKEN_REPLAYED')
    expect(error.className).toContain('verify-fail')
    expect(document.getElementById('verify-result')).toBeNull()
    store.dispose()
  })

  it('asks for the QR text instead of calling the API with nothing', async () => {
    const api = new FakeApi()
    const { store } = await renderPage(<VerifyPage />, api, staffUser)
    await click('verify-submit')
    expect(screen.getByText('请先扫码或粘贴服务卡二维码内容')).toBeTruthy()
    expect(api.callsOf('cards.verify')).toHaveLength(0)
    store.dispose()
  })

  it('is for station staff only', async () => {
    const { store } = await renderPage(<VerifyPage />, new FakeApi(), holderUser)
    expect(screen.getByText('扫码核验仅限流动站工作人员使用')).toBeTruthy()
    expect(document.getElementById('verify-input')).toBeNull()
    store.dispose()
  })
})
