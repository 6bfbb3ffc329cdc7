import { typedCall, type ApiClient } from '@/api/client'
import type { ApiAction, ApiArea, ApiInput, ApiOutput } from '@/core/contract/api.contract'
import type { Result } from '@/core/errors/result'
import type { CardWithHolder } from '@/core/card/card.schema'
import type { UserView } from '@/core/auth/roles'

/** `area.action` of every action of the contract. */
export type ApiKey = { [A in ApiArea]: `${A}.${ApiAction<A>}` }[ApiArea]

/** A canned answer of one action: it gets that action's input and answers its response (or a failure). */
export type FakeHandler<Key extends ApiKey> = Key extends `${infer A extends ApiArea}.${infer K}`
  ? K extends ApiAction<A>
    ? (payload: ApiInput<A, K>) => Result<ApiOutput<A, K>> | Promise<Result<ApiOutput<A, K>>>
    : never
  : never

type Handler = (payload: Record<string, unknown>) => Result<unknown> | Promise<Result<unknown>>

/**
 * A test double of the network only: answers `area.action` calls with canned envelopes and records every call.
 * The stores and pages under test are the real ones.
 */
export class FakeApi implements ApiClient {
  calls: Array<{ area: string; action: string; payload: Record<string, unknown> }> = []
  private token: string | null = null
  private readonly handlers = new Map<string, Handler>()

  on<Key extends ApiKey>(key: Key, handler: FakeHandler<Key>): this {
    this.handlers.set(key, handler as unknown as Handler)
    return this
  }

  callsOf(key: string) {
    return this.calls.filter((call) => `${call.area}.${call.action}` === key)
  }

  getToken() {
    return this.token
  }

  setToken(token: string | null) {
    this.token = token
  }

  call = typedCall(async (area, action, payload) => {
    this.calls.push({ area, action, payload: payload as Record<string, unknown> })
    const handler = this.handlers.get(`${area}.${action}`)
    if (!handler) return { ok: false, error: { code: 'NOT_FOUND', message: `no fake for ${area}.${action}` } }
    return handler(payload as Record<string, unknown>)
  })
}

export const holderUser: UserView = { id: 'u-holder', name: '张经理', roles: ['holder'], departmentId: null }
export const staffUser: UserView = { id: 'u-staff', name: '李工作人员', roles: ['staff'], departmentId: 'd1' }
export const adminUser: UserView = { id: 'u-admin', name: '王管理员', roles: ['admin'], departmentId: null }

export const enterpriseCard: CardWithHolder = {
  card: {
    id: '0a5c1b1e-7c55-4e0f-9a0e-6f0e3f1b2c3d',
    number: 'E2026000001',
    type: 'enterprise',
    status: 'active',
    holderId: 'h1',
    issuedAt: '2026-01-05T08:00:00.000Z',
    activatedAt: '2026-01-06T08:00:00.000Z',
  },
  holder: {
    id: 'h1',
    type: 'enterprise',
    name: '三河智造科技有限公司',
    creditCode: '91131082MA0CXXXX1Q',
    qualification: { basis: 'high_tech', detail: '高新技术企业证书 GR202513000123' },
    contact: { name: '张经理', phone: '13812345678' },
  },
}

export function ok<T>(data: T): Result<T> {
  return { ok: true, data }
}
