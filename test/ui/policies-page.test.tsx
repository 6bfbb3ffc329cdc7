import { act, fireEvent, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PolicyDetail, PolicyView } from '@/core/policy/policy.schema'
import PolicyDetailPage from '@/packages/policy/pages/detail/index'
import PolicyEditPage from '@/packages/policy/pages/edit/index'
import PolicyIndexPage from '@/packages/policy/pages/index/index'
import { adminUser, FakeApi, holderUser, ok } from './fake-api'
import { FakeUploader } from './problem-fixtures'
import { click, pick, renderPage, typeInto } from './render'

const POLICY_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b'

function policyView(overrides: Partial<PolicyView> = {}): PolicyView {
  return {
    id: POLICY_ID,
    kind: 'benefit',
    title: '电子信息企业研发贷款贴息',
    issuer: '环翠区人民政府',
    departmentId: null,
    departmentName: null,
    docNumber: '威环政发〔2026〕18号',
    issuedOn: '2026-10-09',
    effectiveFrom: '2026-10-10',
    effectiveTo: null,
    applyBy: '2026-10-30',
    summary: '对电子信息企业研发项目贷款给予贴息支持',
    industries: ['electronics'],
    topics: ['financing'],
    cardTypes: [],
    status: 'published',
    publishedAt: '2026-10-12T02:00:00.000Z',
    withdrawnAt: null,
    withdrawReason: null,
    matched: true,
    ...overrides,
  }
}

function policyDetail(overrides: Partial<PolicyDetail> = {}): PolicyDetail {
  return {
    ...policyView(),
    body: '<h3>第一条</h3><p>对符合条件的企业给予<strong>贷款贴息</strong>。</p>',
    attachments: [
      { key: 'uploads/a.png', name: '申报表', url: 'uploads/a.png?exp=1&sig=x' },
      { key: 'uploads/b.pdf', name: '申报指南', url: 'uploads/b.pdf?exp=1&sig=y' },
    ],
    availableActions: [],
    mayAsk: true,
    questions: [],
    ...overrides,
  }
}

const text = (id: string) => document.getElementById(id)?.textContent ?? ''

function openRoute(id: string = POLICY_ID) {
  jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: { id } } } as never)
}

afterEach(() => jest.restoreAllMocks())

describe('政策直通车', () => {
  it('shows 为我推荐 first, then searches all policies by a word and filters by kind and tag', async () => {
    const other = policyView({ id: 'b7c8d9e0-1f2a-4b3c-8d4e-5f6a7b8c9d0e', title: '乡村旅游精品民宿奖补', kind: 'guide', industries: ['tourism'], topics: [], matched: false })
    const api = new FakeApi()
      .on('policies.recommended', () => ok({ items: [policyView(), other], profile: { industries: ['electronics'], topics: ['financing'], cardType: 'enterprise' } }))
      .on('policies.list', (filter) => ok({ items: filter.q === '民宿' ? [other] : [policyView(), other], nextCursor: null }))
    const { store } = await renderPage(<PolicyIndexPage />, api, holderUser)
    await waitFor(() => expect(document.getElementById(`policy-rec-${POLICY_ID}`)).toBeTruthy())
    expect(text(`policy-rec-${POLICY_ID}`)).toContain('为我推荐')
    expect(text(`policy-rec-${POLICY_ID}`)).toMatch(/申报截止 (2026年)?10月30日/)
    expect(text(`policy-rec-${other.id}`)).not.toContain('为我推荐')

    await click('policy-tab-all')
    await typeInto('policy-search', '民宿')
    await click('policy-search-go')
    await waitFor(() => expect(document.getElementById(`policy-${POLICY_ID}`)).toBeFalsy())
    expect(document.getElementById(`policy-${other.id}`)).toBeTruthy()
    expect(api.callsOf('policies.list').at(-1)!.payload).toEqual({ q: '民宿' })

    await click('policy-kind-guide')
    await click('policy-tag-industry-tourism')
    expect(api.callsOf('policies.list').at(-1)!.payload).toEqual({ q: '民宿', kind: 'guide', tag: 'industry:tourism' })
    store.dispose()
  })

  it('opens a policy with its full text and attachments, and asks a question in one tap', async () => {
    openRoute()
    const navigate = jest.spyOn(Taro, 'navigateTo').mockImplementation(() => Promise.resolve() as never)
    const api = new FakeApi()
      .on('policies.get', () => ok(policyDetail()))
      .on('policies.ask', () => ok({ problemId: 'f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f', status: 'submitted' }))
    const { store } = await renderPage(<PolicyDetailPage />, api, holderUser)
    await waitFor(() => expect(text('policy-title')).toBe('电子信息企业研发贷款贴息'))
    // The rich text is rendered a tick after the title.
    await waitFor(() => expect(text('policy-body')).toContain('对符合条件的企业给予贷款贴息。'))
    expect(document.getElementById('policy-body')!.querySelector('script')).toBeNull()
    expect(document.getElementById('policy-attachment-0')!.querySelector('img')).toBeTruthy()
    expect(text('policy-attachment-1')).toBe('PDF · 申报指南')
    expect(document.getElementById('policy-attachment-1')!.querySelector('img')).toBeNull()
    expect(document.getElementById('policy-publish')).toBeFalsy()

    await click('policy-ask')
    await click('policy-ask-send')
    expect(text('policy-ask-error')).toBe('请写下想咨询的问题（至少2个字）')
    expect(api.callsOf('policies.ask')).toHaveLength(0)
    await typeInto('policy-ask-text', '我公司去年已享受过贴息，今年还能申报吗？')
    await click('policy-ask-send')
    await waitFor(() => expect(navigate).toHaveBeenCalledWith({ url: '/packages/user/pages/problem/detail?id=f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f' }))
    expect(api.callsOf('policies.ask')[0].payload).toMatchObject({
      id: POLICY_ID,
      title: '咨询：电子信息企业研发贷款贴息',
      description: '我公司去年已享受过贴息，今年还能申报吗？',
      idempotencyKey: expect.stringMatching(/^[a-z0-9]{16,}$/),
    })
    store.dispose()
  })

  it('marks a withdrawn policy and offers no question', async () => {
    openRoute()
    const api = new FakeApi().on('policies.get', () => ok(policyDetail({ status: 'withdrawn', withdrawnAt: '2026-10-20T02:00:00.000Z', withdrawReason: '已由市级文件替代', mayAsk: false })))
    const { store } = await renderPage(<PolicyDetailPage />, api, holderUser)
    await waitFor(() => expect(text('policy-withdrawn')).toContain('已由市级文件替代'))
    expect(document.getElementById('policy-ask')).toBeFalsy()
    store.dispose()
  })

  it('lets an administrator publish a draft and shows its reach', async () => {
    openRoute()
    const api = new FakeApi()
      .on('policies.get', () => ok(policyDetail({ status: 'draft', publishedAt: null, availableActions: ['save', 'publish'], mayAsk: false })))
      .on('policies.publish', () => ok(policyDetail({ availableActions: ['withdraw'], mayAsk: false })))
      .on('policies.reach', () => ok({ matched: 12, notified: 12, opened: 5, asked: 1 }))
    const { store } = await renderPage(<PolicyDetailPage />, api, adminUser)
    await waitFor(() => expect(document.getElementById('policy-publish')).toBeTruthy())
    expect(api.callsOf('policies.reach')).toHaveLength(0)
    await click('policy-publish')
    await waitFor(() => expect(text('policy-reach-matched')).toBe('12'))
    expect(text('policy-reach-asked')).toBe('1')
    expect(document.getElementById('policy-withdraw')).toBeTruthy()
    store.dispose()
  })

  it('writes a draft with an image attachment and opens it to publish', async () => {
    jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ router: { params: {} } } as never)
    const redirect = jest.spyOn(Taro, 'redirectTo').mockImplementation(() => Promise.resolve() as never)
    const uploader = new FakeUploader()
    const api = new FakeApi().on('policies.save', (draft) => ok(policyDetail({ status: 'draft', title: draft.title, availableActions: ['save', 'publish'] })))
    const { store } = await renderPage(<PolicyEditPage />, api, adminUser, uploader)
    await waitFor(() => expect(document.getElementById('policy-edit-save')).toBeTruthy())
    await click('policy-edit-save')
    expect(document.getElementById('policy-edit-problems')!.textContent).toContain('标题应为2–100个字')
    expect(api.callsOf('policies.save')).toHaveLength(0)

    await click('policy-edit-kind-guide')
    await typeInto('policy-edit-title', '企业投资项目备案办事指南')
    await typeInto('policy-edit-issuer', '区行政审批服务局')
    // Dates by the date picker, shown the Chinese way; an optional one can be cleared again (issue 15, defect 8).
    await pick('policy-edit-effectiveTo', '2026-12-31')
    await click('policy-edit-effectiveTo-clear')
    expect(document.getElementById('policy-edit-effectiveTo')!.textContent).toBe('不填')
    await pick('policy-edit-applyBy', '2026-10-30')
    expect(document.getElementById('policy-edit-applyBy')!.textContent).toMatch(/10月30日/)
    await typeInto('policy-edit-summary', '备案条件、所需材料和流程')
    await typeInto('policy-edit-body', '一、登录平台填报。\n二、即来即办。')
    await click('policy-edit-topic-approval')
    const input = document.getElementById('policy-attach-file') as HTMLInputElement
    Object.defineProperty(input, 'files', { value: [new File([new Uint8Array([0x89, 0x50])], '流程图.png', { type: 'image/png' })], configurable: true })
    await act(async () => {
      fireEvent.change(input)
    })
    await waitFor(() => expect(document.getElementById('policy-edit-attachment-0')!.textContent).toContain('流程图'))
    await click('policy-edit-save')
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: `/packages/policy/pages/detail/index?id=${POLICY_ID}` }))
    expect(api.callsOf('policies.save')[0].payload).toEqual({
      kind: 'guide',
      title: '企业投资项目备案办事指南',
      issuer: '区行政审批服务局',
      applyBy: '2026-10-30',
      summary: '备案条件、所需材料和流程',
      body: '一、登录平台填报。\n二、即来即办。',
      attachments: [{ key: 'uploads/photo-1.jpg', name: '流程图' }],
      industries: [],
      topics: ['approval'],
      cardTypes: [],
    })
    store.dispose()
  })
})
