import { lazyMain } from '../../cloud/deploy/lazy-main'

describe('lazyMain (the main of every cloud bundle)', () => {
  it('loads the function on the first call only and hands every call to it', async () => {
    const calls: unknown[][] = []
    let loads = 0
    const main = lazyMain(async () => {
      loads += 1
      return { main: async (event: unknown, context?: unknown) => (calls.push([event, context]), { ok: true as const, data: calls.length }) }
    })
    expect(loads).toBe(0)
    expect(await Promise.all([main({ action: 'a' }, { n: 1 }), main({ action: 'b' })])).toEqual([
      { ok: true, data: 1 },
      { ok: true, data: 2 },
    ])
    expect(loads).toBe(1)
    expect(calls).toEqual([[{ action: 'a' }, { n: 1 }], [{ action: 'b' }, undefined]])
  })

  it('answers INTERNAL and logs a JSON line, never throwing, when the code fails to load', async () => {
    const logged: string[] = []
    const spy = jest.spyOn(console, 'error').mockImplementation((line: string) => void logged.push(line))
    try {
      const main = lazyMain(() => Promise.reject(new Error('boom at module init')))
      const failed = { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } }
      expect(await main({ action: 'a' })).toEqual(failed)
      expect(await main({ action: 'a' })).toEqual(failed)
      expect(JSON.parse(logged[0])).toMatchObject({ level: 'error', msg: 'function code failed to load', err: { message: 'boom at module init' } })
    } finally {
      spy.mockRestore()
    }
  })
})
