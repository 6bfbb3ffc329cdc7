import { CARD_ACTIONS, CARD_STATUSES, cardUsable, nextCardStatus, type CardAction, type CardStatus } from './card.machine'

describe('card state rules', () => {
  const allowed: Record<string, CardStatus> = {
    'pending activate': 'active',
    'active suspend': 'suspended',
    'suspended reinstate': 'active',
    'pending revoke': 'revoked',
    'active revoke': 'revoked',
    'suspended revoke': 'revoked',
  }

  const cases = CARD_STATUSES.flatMap((status) => CARD_ACTIONS.map((action) => [status, action] as [CardStatus, CardAction]))

  it.each(cases)('%s + %s', (status, action) => {
    const result = nextCardStatus(status, action)
    const expected = allowed[`${status} ${action}`]
    if (expected) {
      expect(result).toEqual({ ok: true, data: expected })
    } else {
      expect(result.ok).toBe(false)
    }
  })

  it('never brings a revoked card back', () => {
    for (const action of CARD_ACTIONS) {
      expect(nextCardStatus('revoked', action)).toMatchObject({ ok: false, error: { code: 'CARD_REVOKED' } })
    }
  })

  it('refuses activating a suspended card with its own code', () => {
    expect(nextCardStatus('suspended', 'activate')).toMatchObject({ ok: false, error: { code: 'CARD_SUSPENDED' } })
  })

  it('lets only active cards be verified', () => {
    expect(cardUsable('active')).toBeNull()
    expect(cardUsable('suspended')?.error.code).toBe('CARD_SUSPENDED')
    expect(cardUsable('revoked')?.error.code).toBe('CARD_REVOKED')
    expect(cardUsable('pending')?.error.code).toBe('CARD_NOT_ACTIVE')
  })
})
