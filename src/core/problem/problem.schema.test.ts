import { encodeCursor } from './problem.cursor'
import { MAX_PHOTOS, PROBLEM_NUMBER_RE, problemNumber, problemSchemas, problemYear } from './problem.schema'

const uuid = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const uuid2 = '5d8f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) => schema.safeParse(value).success

describe('problems.submit', () => {
  const input = { category: 'land', title: ' 厂房用地指标 ', description: '新建厂房的用地指标迟迟未落实', idempotencyKey: 'key_12345678' }

  it('takes a category, a title, a description and an idempotency key; trims text', () => {
    const parsed = problemSchemas.submit.parse(input)
    expect(parsed.title).toBe('厂房用地指标')
    expect(parsed.photos).toBeUndefined()
    expect(ok(problemSchemas.submit, { ...input, holderId: uuid, bookingId: uuid2 })).toBe(true)
  })

  it('bounds the text and knows the categories', () => {
    expect(ok(problemSchemas.submit, { ...input, title: '地' })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, title: '地'.repeat(60) })).toBe(true)
    expect(ok(problemSchemas.submit, { ...input, title: '地'.repeat(61) })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, description: '  x ' })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, description: 'x'.repeat(2000) })).toBe(true)
    expect(ok(problemSchemas.submit, { ...input, description: 'x'.repeat(2001) })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, category: '土地' })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, category: 'mining' })).toBe(false)
    for (const category of ['approval', 'planning', 'environment', 'policy', 'funding', 'labour', 'financing', 'talent', 'other']) {
      expect(ok(problemSchemas.submit, { ...input, category })).toBe(true)
    }
  })

  it('requires the idempotency key and refuses unknown fields', () => {
    const { idempotencyKey: _, ...noKey } = input
    expect(ok(problemSchemas.submit, noKey)).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, status: 'closed' })).toBe(false)
    expect(ok(problemSchemas.submit, { ...input, holderId: 'holder-demo' })).toBe(false)
  })

  it('takes up to 9 distinct photos given as storage keys', () => {
    const keys = Array.from({ length: MAX_PHOTOS }, (_, i) => `uploads/${uuid.slice(0, 35)}${i}.jpg`)
    expect(ok(problemSchemas.submit, { ...input, photos: keys })).toBe(true)
    expect(ok(problemSchemas.submit, { ...input, photos: [] })).toBe(true)
    const tooMany = problemSchemas.submit.safeParse({ ...input, photos: [...keys, 'uploads/another.jpg'] })
    expect(tooMany.error?.issues[0].message).toBe('最多上传9张图片')
    const twice = problemSchemas.submit.safeParse({ ...input, photos: [keys[0], keys[0]] })
    expect(twice.error?.issues[0].message).toBe('图片不能重复')
  })

  it.each([
    ['uploads/4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f.jpg', true],
    ['uploads/a_b.c-d.png', true],
    ['cloud://prod-2g8x.7072-prod-2g8x-1318000000/uploads/4c7f3c1e.jpg', true],
    ['cloud://env-1/a.jpg', true],
    ['uploads/..', false],
    ['uploads/.hidden', false],
    ['uploads/a/b.jpg', false],
    ['uploads/', false],
    ['/uploads/a.jpg', false],
    ['https://example.com/a.jpg', false],
    ['data:image/png;base64,AAAA', false],
    ['cloud://env-1', false],
    ['cloud://env-1/../secret', false],
    ['cloud://env-1/a b.jpg', false],
    ['uploads/a.jpg\n', true], // trimmed
    [`uploads/${'a'.repeat(293)}`, false], // 301 characters
    [`uploads/${'a'.repeat(292)}`, true], // 300
  ])('photo key %j → %s', (key, valid) => {
    expect(ok(problemSchemas.submit, { ...input, photos: [key] })).toBe(valid)
  })
})

describe('problems.mine, get, list', () => {
  it('filters my problems by status', () => {
    expect(ok(problemSchemas.mine, {})).toBe(true)
    expect(ok(problemSchemas.mine, { status: 'in_progress' })).toBe(true)
    expect(ok(problemSchemas.mine, { status: 'reopened' })).toBe(false)
    expect(ok(problemSchemas.get, { id: uuid })).toBe(true)
    expect(ok(problemSchemas.get, { id: '1' })).toBe(false)
  })

  it('lists with filters, a limit of 1–100 (default 20) and an opaque cursor', () => {
    expect(problemSchemas.list.parse({})).toEqual({ limit: 20 })
    const cursor = encodeCursor({ createdAt: '2026-10-08T02:00:00.123456Z', id: uuid })
    const all = { status: 'assigned', departmentId: uuid, category: 'funding', overdue: true, escalated: false, leaderId: uuid2, cursor, limit: 100 }
    expect(problemSchemas.list.parse(all)).toEqual(all)
    expect(ok(problemSchemas.list, { limit: 0 })).toBe(false)
    expect(ok(problemSchemas.list, { limit: 101 })).toBe(false)
    expect(ok(problemSchemas.list, { limit: 2.5 })).toBe(false)
    expect(ok(problemSchemas.list, { overdue: 'yes' })).toBe(false)
    expect(ok(problemSchemas.list, { category: 'x' })).toBe(false)
    expect(problemSchemas.list.safeParse({ cursor: 'garbage!' }).error?.issues[0].message).toBe('分页游标无效，请从第一页重新加载')
    expect(ok(problemSchemas.list, { cursor: 'aGVsbG8' })).toBe(false)
  })
})

describe('problem actions carry the version the client saw', () => {
  const base = { id: uuid, version: 3 }
  const valid: Record<string, object> = {
    answer: { ...base, reply: '已答复' },
    defer: { ...base, explanation: '需会商', suggestion: '准备材料', nextStep: { kind: 'fixedDay', date: '2026-10-13' } },
    assign: { ...base, departmentId: uuid2 },
    reassign: { ...base, departmentId: uuid2, reason: '职责不符' },
    sign: base,
    progress: { ...base, note: '已核实' },
    resolve: { ...base, resolution: '已办结' },
    sendBack: { ...base, reason: '非本部门职责' },
    confirm: base,
    reopen: { ...base, reason: '仍未解决' },
    escalate: { ...base, report: '本级无法协调用地指标，特此专报' },
  }

  it.each(Object.entries(valid))('%s: valid, and refused without a whole version ≥ 0', (action, value) => {
    const schema = problemSchemas[action as keyof typeof problemSchemas]
    expect(ok(schema, value)).toBe(true)
    expect(ok(schema, { ...value, version: 0 })).toBe(true)
    const { version: _, ...noVersion } = value as { version: number }
    expect(ok(schema, noVersion)).toBe(false)
    expect(ok(schema, { ...value, version: -1 })).toBe(false)
    expect(ok(schema, { ...value, version: 1.5 })).toBe(false)
    expect(ok(schema, { ...value, version: '3' })).toBe(false)
    expect(ok(schema, { ...value, id: 'x' })).toBe(false)
    expect(ok(schema, { ...value, extra: 1 })).toBe(false)
  })

  it('bounds the texts', () => {
    const bounds: [keyof typeof problemSchemas, string, number, number][] = [
      ['answer', 'reply', 2, 2000],
      ['resolve', 'resolution', 2, 2000],
      ['reassign', 'reason', 2, 500],
      ['sendBack', 'reason', 2, 500],
      ['reopen', 'reason', 2, 500],
      ['escalate', 'report', 10, 5000],
    ]
    for (const [action, field, min, max] of bounds) {
      const schema = problemSchemas[action]
      const value = valid[action]
      expect([action, ok(schema, { ...value, [field]: 'x'.repeat(min) })]).toEqual([action, true])
      expect([action, ok(schema, { ...value, [field]: 'x'.repeat(min - 1) })]).toEqual([action, false])
      expect([action, ok(schema, { ...value, [field]: ` ${'x'.repeat(min - 1)} ` })]).toEqual([action, false])
      expect([action, ok(schema, { ...value, [field]: 'x'.repeat(max) })]).toEqual([action, true])
      expect([action, ok(schema, { ...value, [field]: 'x'.repeat(max + 1) })]).toEqual([action, false])
    }
  })

  it('defers only with a next step of a known kind on a real date', () => {
    const value = valid.defer as { nextStep: object }
    expect(ok(problemSchemas.defer, { ...value, nextStep: { kind: 'homeVisit', date: '2026-10-09' } })).toBe(true)
    expect(ok(problemSchemas.defer, { ...value, nextStep: { kind: 'later', date: '2026-10-09' } })).toBe(false)
    expect(ok(problemSchemas.defer, { ...value, nextStep: { kind: 'fixedDay', date: '2026-02-30' } })).toBe(false)
    expect(ok(problemSchemas.defer, { ...value, nextStep: { kind: 'fixedDay' } })).toBe(false)
    expect(ok(problemSchemas.defer, { ...value, nextStep: undefined })).toBe(false)
    expect(ok(problemSchemas.defer, { ...value, suggestion: '' })).toBe(false)
    expect(ok(problemSchemas.defer, { ...value, explanation: undefined })).toBe(false)
  })

  it('assigns with an optional leader and plan (一个问题、一名领导、一个方案)', () => {
    const value = valid.assign
    expect(ok(problemSchemas.assign, { ...value, leaderId: uuid, plan: '由自然资源局牵头会商' })).toBe(true)
    expect(ok(problemSchemas.assign, { ...value, leaderId: 'leader-demo' })).toBe(false)
    expect(ok(problemSchemas.assign, { ...value, plan: 'x'.repeat(2001) })).toBe(false)
    expect(ok(problemSchemas.assign, { id: uuid, version: 0 })).toBe(false)
  })
})

describe('problemNumber', () => {
  it('numbers by the Shanghai year of creation', () => {
    expect(problemNumber('2026-05-01T10:00:00+08:00', 123)).toBe('P2026-000123')
    expect(problemNumber('2026-12-31T16:30:00Z', 1)).toBe('P2027-000001')
    expect(problemYear('2026-12-31T16:30:00Z')).toBe(2027)
    expect(problemYear('2026-12-31T15:59:59Z')).toBe(2026)
    expect(problemNumber('2026-05-01T10:00:00+08:00', 1234567)).toBe('P2026-1234567')
    expect(problemNumber('2026-05-01T10:00:00+08:00', 5)).toMatch(PROBLEM_NUMBER_RE)
    expect(() => problemNumber('2026-05-01T10:00:00+08:00', 0)).toThrow(RangeError)
  })
})
