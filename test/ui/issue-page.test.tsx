import { waitFor } from '@testing-library/react'
import IssuePage from '@/packages/admin/pages/issue/index'
import { adminUser, enterpriseCard, FakeApi, ok } from './fake-api'
import { click, renderPage, typeInto } from './render'

function issueApi() {
  return new FakeApi().on('cards.issue', (payload) => {
    const holder = (payload as { holder: typeof enterpriseCard.holder }).holder
    return ok({
      card: { ...enterpriseCard.card, status: 'pending', number: 'E2026000009', activatedAt: null },
      holder: { ...enterpriseCard.holder, ...holder, id: 'h9' },
      activationCode: 'K7M2P9Q4R8T3',
    })
  })
}

async function fillEnterprise(creditCode: string) {
  await click('issue-type-enterprise')
  await typeInto('issue-name', '威海新材料股份有限公司')
  await typeInto('issue-credit-code', creditCode)
  await click('issue-basis-tax_over_10m')
  await typeInto('issue-detail', '2025年度在本区纳税1260万元')
  await typeInto('issue-contact-name', '赵会计')
  await typeInto('issue-contact-phone', '13900001111')
}

describe('发卡', () => {
  it('shows the Chinese check-character message for a bad credit code and does not call the API', async () => {
    const api = issueApi()
    const { store } = await renderPage(<IssuePage />, api, adminUser)
    await fillEnterprise('91350100M000100Y44')
    await click('issue-submit')

    await waitFor(() => expect(document.getElementById('issue-credit-code-error')).toBeTruthy())
    expect(document.getElementById('issue-credit-code-error')!.textContent).toBe('统一社会信用代码校验位不正确，请核对')
    expect(api.callsOf('cards.issue')).toHaveLength(0)
    expect(document.getElementById('issue-activation-code')).toBeNull()
    store.dispose()
  })

  it('shows zod messages per field for an empty form', async () => {
    const api = issueApi()
    const { store } = await renderPage(<IssuePage />, api, adminUser)
    await click('issue-submit')
    await waitFor(() => expect(document.getElementById('issue-contact-phone-error')).toBeTruthy())
    expect(document.getElementById('issue-contact-phone-error')!.textContent).toBe('联系电话应为11位手机号或带区号的固定电话')
    expect(document.getElementById('issue-credit-code-error')!.textContent).toBe('企业卡须填写统一社会信用代码')
    expect(document.getElementById('issue-name-error')!.textContent).toMatch(/[\u4e00-\u9fa5]/)
    expect(api.callsOf('cards.issue')).toHaveLength(0)
    store.dispose()
  })

  it('issues a valid enterprise card and shows the one-time activation code', async () => {
    const api = issueApi()
    const { store } = await renderPage(<IssuePage />, api, adminUser)
    await fillEnterprise('91350100m000100y43')
    await click('issue-submit')

    await waitFor(() => expect(document.getElementById('issue-activation-code')?.textContent).toBe('K7M2P9Q4R8T3'))
    expect(document.getElementById('issue-card-number')?.textContent).toBe('E2026000009')
    expect(api.callsOf('cards.issue')[0].payload).toEqual({
      holder: {
        type: 'enterprise',
        name: '威海新材料股份有限公司',
        creditCode: '91350100M000100Y43',
        qualification: { basis: 'tax_over_10m', detail: '2025年度在本区纳税1260万元' },
        contact: { name: '赵会计', phone: '13900001111' },
      },
    })
    store.dispose()
  })

  it('offers only the bases of the chosen type and no credit code for a talent card', async () => {
    const api = issueApi()
    const { store } = await renderPage(<IssuePage />, api, adminUser)
    await click('issue-type-talent')
    expect(document.getElementById('issue-credit-code')).toBeNull()
    expect(document.getElementById('issue-basis-certified_talent')).toBeTruthy()
    expect(document.getElementById('issue-basis-high_tech')).toBeNull()
    await typeInto('issue-name', '陈博士')
    await typeInto('issue-detail', '省级高层次人才认定证书')
    await typeInto('issue-contact-name', '陈博士')
    await typeInto('issue-contact-phone', '0316-5551234')
    await click('issue-submit')
    await waitFor(() => expect(api.callsOf('cards.issue')).toHaveLength(1))
    const holder = (api.callsOf('cards.issue')[0].payload as { holder: Record<string, unknown> }).holder
    expect(holder.type).toBe('talent')
    expect(holder).not.toHaveProperty('creditCode')
    expect(holder.qualification).toEqual({ basis: 'certified_talent', detail: '省级高层次人才认定证书' })
    store.dispose()
  })
})
