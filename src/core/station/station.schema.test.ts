import { SESSION_KIND_LABELS, SESSION_KINDS, stationSchemas } from './station.schema'

const stationId = '4c7f3c1e-8a6b-4d2e-9f10-1a2b3c4d5e6f'
const messages = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? []

describe('stations.save', () => {
  const station = {
    name: '环翠区政务服务中心流动站',
    area: '鲸园街道',
    address: '威海市环翠区新威路17号',
    latitude: 37.5131,
    longitude: 122.1206,
    contactPhone: '0631-5225000',
  }

  it('accepts a station, with or without id, and trims text', () => {
    expect(stationSchemas.save.parse({ ...station, name: '  环翠区政务服务中心流动站 ' }).name).toBe('环翠区政务服务中心流动站')
    expect(stationSchemas.save.safeParse({ ...station, id: stationId }).success).toBe(true)
    expect(stationSchemas.save.safeParse({ ...station, contactPhone: '13800138000' }).success).toBe(true)
  })

  it.each([
    [{ latitude: 91 }, '纬度'],
    [{ latitude: -90.5 }, '纬度'],
    [{ longitude: 180.1 }, '经度'],
    [{ contactPhone: '12345' }, '联系电话'],
    [{ name: '' }, 'name'],
    [{ id: 'not-a-uuid' }, 'id'],
  ])('refuses %o', (change, expected) => {
    const result = stationSchemas.save.safeParse({ ...station, ...change })
    expect(result.success).toBe(false)
    expect(messages(result).join('\n')).toContain(expected)
  })

  it('refuses unknown fields', () => {
    expect(stationSchemas.save.safeParse({ ...station, owner: 'x' }).success).toBe(false)
  })
})

describe('stations.addFixedDay', () => {
  const fixedDay = {
    stationId,
    weekday: 2,
    start: '09:00',
    end: '11:30',
    slotMinutes: 30,
    capacity: 5,
    validFrom: '2026-03-01',
    validTo: '2026-12-31',
  }

  it('accepts every Tuesday 09:00–11:30 in 30-minute slots', () => {
    expect(stationSchemas.addFixedDay.safeParse(fixedDay).success).toBe(true)
    expect(stationSchemas.addFixedDay.safeParse({ ...fixedDay, validTo: '2026-03-01', departmentIds: [stationId], staffIds: [] }).success).toBe(true)
  })

  it.each([
    [{ weekday: 0 }, '星期'],
    [{ weekday: 8 }, '星期'],
    [{ start: '9:00' }, '开始时间格式不正确，应如 09:30'],
    [{ end: '24:00' }, '结束时间格式不正确，应如 09:30'],
    [{ end: '09:00' }, '晚于'],
    [{ slotMinutes: 60 }, '整数倍'],
    [{ slotMinutes: 3 }, '至少5分钟'],
    [{ capacity: 0 }, '至少1个名额'],
    [{ capacity: 501 }, '最多500'],
    [{ validFrom: '2026-02-30' }, '有效期开始日期格式不正确，应如 2026-12-08'],
    [{ validTo: '2026-02-28' }, '不能早于'],
  ])('refuses %o', (change, expected) => {
    const result = stationSchemas.addFixedDay.safeParse({ ...fixedDay, ...change })
    expect(result.success).toBe(false)
    expect(messages(result).join('\n')).toContain(expected)
  })
})

describe('stations.createSession', () => {
  const session = { stationId, kind: 'finance', date: '2026-10-13', start: '14:00', end: '17:00', slotMinutes: 60, capacity: 3 }

  it('accepts each kind, which has a Chinese label', () => {
    for (const kind of SESSION_KINDS) {
      expect(stationSchemas.createSession.safeParse({ ...session, kind }).success).toBe(true)
      expect(SESSION_KIND_LABELS[kind]).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(SESSION_KIND_LABELS).toEqual({ station: '流动服务站', finance: '政银企保对接', expert: '专家诊断', roadshow: '路演', forum: '政企座谈会' })
    // A forum has a title and one list of seats: forums.create makes it.
    expect(stationSchemas.createSession.safeParse({ ...session, kind: 'forum' }).success).toBe(false)
  })

  it.each([
    [{ kind: 'party' }, 'kind'],
    [{ date: '2026/10/13' }, '日期'],
    [{ end: '13:00' }, '晚于'],
    [{ slotMinutes: 50 }, '整数倍'],
    [{ staffIds: ['x'] }, 'staffIds'],
  ])('refuses %o', (change, expected) => {
    const result = stationSchemas.createSession.safeParse({ ...session, ...change })
    expect(result.success).toBe(false)
    expect(messages(result).join('\n')).toContain(expected)
  })
})

describe('stations.cancelSession, stations.sessions, stations.list', () => {
  it('needs a reason to cancel', () => {
    expect(stationSchemas.cancelSession.safeParse({ sessionId: stationId, reason: '台风预警，暂停服务' }).success).toBe(true)
    expect(stationSchemas.cancelSession.safeParse({ sessionId: stationId, reason: ' ' }).success).toBe(false)
    expect(stationSchemas.cancelSession.safeParse({ sessionId: stationId }).success).toBe(false)
  })

  it('filters sessions by dates, station and location', () => {
    expect(stationSchemas.sessions.safeParse({}).success).toBe(true)
    expect(
      stationSchemas.sessions.safeParse({ from: '2026-10-01', to: '2026-10-31', stationId, near: { latitude: 39.9, longitude: 116.8 } }).success,
    ).toBe(true)
    expect(messages(stationSchemas.sessions.safeParse({ from: '2026-10-31', to: '2026-10-01' })).join()).toContain('不能早于')
    // Not dates at all: refused at the fields, and the range check does not throw on them (the host answered 500).
    expect(messages(stationSchemas.sessions.safeParse({ from: '0', to: 'x' })).join()).toContain('日期格式')
    expect(stationSchemas.sessions.safeParse({ near: { latitude: 100, longitude: 0 } }).success).toBe(false)
    expect(stationSchemas.sessions.safeParse({ near: { latitude: 39.9 } }).success).toBe(false)
  })

  it('lists stations, optionally by area', () => {
    expect(stationSchemas.list.safeParse({}).success).toBe(true)
    expect(stationSchemas.list.safeParse({ area: '鲸园街道' }).success).toBe(true)
    expect(stationSchemas.list.safeParse({ page: 2 }).success).toBe(false)
  })
})
