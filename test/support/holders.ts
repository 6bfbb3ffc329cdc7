import { creditCodeCheckChar } from '../../src/core/credit-code/credit-code'
import type { ApiClient } from './api'

let serial = 0

/** A valid, unique unified social credit code for test enterprises. */
export function testCreditCode(): string {
  serial += 1
  const body = `91371002MA${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(4, '0')}`
  return body + creditCodeCheckChar(body)
}

/** A new WeChat user who activated a freshly issued enterprise card: a holder, as the admin and the user would make one. */
export async function newHolder(api: ApiClient, adminToken: string, userKey: string): Promise<string> {
  const { activationCode } = await api.data(
    'cards',
    'issue',
    {
      holder: {
        type: 'enterprise',
        name: `测试企业${userKey}`,
        creditCode: testCreditCode(),
        qualification: { basis: 'high_tech', detail: '高新技术企业证书' },
        contact: { name: '联系人', phone: '13800000000' },
      },
    },
    adminToken,
  )
  const token = await api.login(userKey)
  await api.data('cards', 'activate', { activationCode }, token)
  return token
}
