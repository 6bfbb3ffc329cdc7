import { waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import ApprovePage from '@/packages/user/pages/desktop/approve'
import MinePage from '@/pages/mine/index'
import type { Role } from '@/core/auth/roles'
import { FakeApi, holderUser, ok } from './fake-api'
import { click, expectNotice, renderPage, typeInto } from './render'

const CHALLENGE = 'aaaaaaaa-0000-4000-8000-000000000001'

describe('我的: invitations, 扫一扫 and 退出登录', () => {
  let toast: jest.SpyInstance
  let modal: jest.SpyInstance
  let navigate: jest.SpyInstance
  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
    modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' } as never)
    navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
  })
  afterEach(() => jest.restoreAllMocks())

  /** A host where redeeming gives the staff role: auth.me answers the roles of the moment. */
  function inviteHost() {
    let roles: Role[] = ['holder']
    const api = new FakeApi()
      .on('auth.me', () => ok({ user: { ...holderUser, roles } }))
      .on('org.redeem', ({ inviteCode }) => {
        if (String(inviteCode).replace(/^LDZW-INVITE:/, '').replace(/[\s-]/g, '').toUpperCase() !== 'K7M2P9Q4R8T3') {
          return { ok: false, error: { code: 'INVITE_INVALID', message: '邀请码不正确，请核对后重新输入' } }
        }
        roles = ['holder', 'staff']
        return ok({ user: { id: holderUser.id, name: holderUser.name, roles, departmentId: 'd1' } })
      })
    return api
  }

  it('redeems a typed invitation code, reloads the user and shows the new roles', async () => {
    const api = inviteHost()
    const { store } = await renderPage(<MinePage />, api, null)
    await typeInto('invite-code-input', 'k7m2-p9q4-r8t3')
    await click('invite-redeem')
    await waitFor(() => expect(document.getElementById('invite-result')?.textContent).toContain('流动站工作人员'))
    expect(api.callsOf('org.redeem').map((c) => c.payload)).toEqual([{ inviteCode: 'k7m2-p9q4-r8t3' }])
    expect(api.callsOf('auth.me').length).toBeGreaterThanOrEqual(2)
    expect(store.session.user?.roles).toEqual(['holder', 'staff'])
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入：服务卡持卡人、流动站工作人员' }))
    expect(document.getElementById('mine-user-name')?.parentElement?.parentElement?.textContent).toContain('流动站工作人员')
    store.dispose()
  })

  it('says why a wrong code is refused, and sends nothing for an empty one', async () => {
    const api = inviteHost()
    const { store } = await renderPage(<MinePage />, api, null)
    await click('invite-redeem')
    expect(document.getElementById('invite-error')?.textContent).toBe('请输入邀请码')
    expect(api.callsOf('org.redeem')).toHaveLength(0)
    await typeInto('invite-code-input', 'AAAA-BBBB-CCCC')
    await click('invite-redeem')
    await waitFor(() => expectNotice('invite-error', 'INVITE_INVALID'))
    expect(store.session.user?.roles).toEqual(['holder'])
    store.dispose()
  })

  it('a scanned (pasted) invitation QR asks first, then redeems the code', async () => {
    const api = inviteHost()
    const { store } = await renderPage(<MinePage />, api, null)
    modal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' } as never)
    await typeInto('mine-scan-input', 'LDZW-INVITE:K7M2P9Q4R8T3')
    await click('mine-scan')
    expect(modal).toHaveBeenCalledTimes(1)
    expect(api.callsOf('org.redeem')).toHaveLength(0)
    await click('mine-scan')
    await waitFor(() => expect(api.callsOf('org.redeem')).toHaveLength(1))
    expect(api.callsOf('org.redeem')[0].payload).toEqual({ inviteCode: 'K7M2P9Q4R8T3' })
    await waitFor(() => expect(store.session.user?.roles).toContain('staff'))
    store.dispose()
  })

  it('a desktop sign-in QR opens the confirmation page; anything else is not recognised', async () => {
    const api = inviteHost()
    const { store } = await renderPage(<MinePage />, api, null)
    await typeInto('mine-scan-input', `LDZW-DESKTOP:${CHALLENGE}`)
    await click('mine-scan')
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/user/pages/desktop/approve?challengeId=${CHALLENGE}` })
    await typeInto('mine-scan-input', 'https://example.com/whatever')
    await click('mine-scan')
    expect(toast).toHaveBeenCalledWith({ title: '无法识别的二维码', icon: 'none' })
    expect(api.callsOf('org.redeem')).toHaveLength(0)
    store.dispose()
  })

  it('in the mini program 扫一扫 opens the scanner (album allowed) and reads what it found', async () => {
    const scan = jest.spyOn(Taro, 'scanCode').mockResolvedValue({ result: `LDZW-DESKTOP:${CHALLENGE}` } as never)
    const api = inviteHost()
    const saved = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    try {
      const { store } = await renderPage(<MinePage />, api, null)
      expect(document.getElementById('mine-scan-input')).toBeNull()
      await click('mine-scan')
      expect(scan).toHaveBeenCalledWith(expect.objectContaining({ onlyFromCamera: false }))
      expect(navigate).toHaveBeenCalledWith({ url: `/packages/user/pages/desktop/approve?challengeId=${CHALLENGE}` })
      store.dispose()
    } finally {
      process.env.TARO_ENV = saved
    }
  })

  it('退出登录 ends the session on the server and forgets it here', async () => {
    const api = inviteHost().on('auth.logout', () => ok({ signedOut: true }))
    const { store } = await renderPage(<MinePage />, api, null)
    api.setToken('session-token-1')
    await click('mine-logout')
    expect(api.callsOf('auth.logout')).toHaveLength(1)
    expect(api.getToken()).toBeNull()
    expect(store.session.user).toBeNull()
    expect(document.getElementById('mine-logout')).toBeNull()
    store.dispose()
  })
})

describe('电脑端登录确认 (packages/user/pages/desktop/approve)', () => {
  let back: jest.SpyInstance
  beforeEach(() => {
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { challengeId: CHALLENGE } } } as never)
    jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve() as never)
    back = jest.spyOn(Taro, 'navigateBack').mockImplementation(() => Promise.resolve() as never)
  })
  afterEach(() => jest.restoreAllMocks())

  it('asks about the signed-in person, approves the challenge and goes back', async () => {
    const api = new FakeApi().on('auth.approveDesktop', () => ok({ approved: true }))
    const { store } = await renderPage(<ApprovePage />, api, holderUser)
    expect(document.getElementById('approve-question')?.textContent).toBe(`确认在电脑上登录“${holderUser.name}”？`)
    await click('approve-confirm')
    expect(api.callsOf('auth.approveDesktop').map((c) => c.payload)).toEqual([{ challengeId: CHALLENGE }])
    expect(document.getElementById('approve-done')).toBeTruthy()
    await waitFor(() => expect(back).toHaveBeenCalled(), { timeout: 3000 })
    store.dispose()
  })

  it('shows the refusal of a used code and stays', async () => {
    const api = new FakeApi().on('auth.approveDesktop', () => ({
      ok: false,
      error: { code: 'CHALLENGE_USED', message: '该登录二维码已使用过，请在电脑上刷新后重新扫码' },
    }))
    const { store } = await renderPage(<ApprovePage />, api, holderUser)
    await click('approve-confirm')
    expectNotice('approve-error', 'CHALLENGE_USED')
    expect(back).not.toHaveBeenCalled()
    await click('approve-cancel')
    expect(back).toHaveBeenCalled()
    store.dispose()
  })
})
