import { checkWechatFieldMap, chineseDateTime, wechatData, wechatFieldKind, wechatValue, WECHAT_FIELD_LIMITS } from './notification.wechat'

const at = '2026-10-13T01:30:00Z' // 09:30 in Shanghai
const length = (value: string) => Array.from(value).length

describe('WeChat subscribe-message field keys', () => {
  it.each([
    ['thing1', 'thing'],
    ['time12', 'time'],
    ['character_string3', 'character_string'],
    ['phone_number2', 'phone_number'],
    ['phrase5', 'phrase'],
    ['name4', 'name'],
    ['number01', 'number'],
  ])('%s is a %s field', (key, kind) => {
    expect(wechatFieldKind(key)).toBe(kind)
  })

  it.each(['thing', 'amount1', 'car_number2', 'enum1', 'Thing1', 'thing1a', 'thing123'])('%s is not supported', (key) => {
    expect(wechatFieldKind(key)).toBeNull()
  })
})

describe('WeChat field values', () => {
  it('keeps a thing within 20 characters, with an ellipsis when cut', () => {
    expect(wechatValue('thing', '厂房用地指标', at)).toBe('厂房用地指标')
    expect(wechatValue('thing', '地'.repeat(20), at)).toBe('地'.repeat(20))
    const cut = wechatValue('thing', '地'.repeat(21), at)
    expect(cut).toBe(`${'地'.repeat(19)}…`)
    expect(length(cut)).toBe(WECHAT_FIELD_LIMITS.thing)
  })

  it('counts an emoji as one character and never splits it', () => {
    const value = wechatValue('thing', '😀'.repeat(25), at)
    expect(length(value)).toBe(20)
    expect(value.startsWith('😀'.repeat(19))).toBe(true)
  })

  it('folds line breaks and runs of spaces', () => {
    expect(wechatValue('thing', ' 第一行\n\n第二行  ', at)).toBe('第一行 第二行')
  })

  it('never sends an empty value (WeChat refuses it)', () => {
    for (const kind of ['thing', 'phrase', 'name', 'character_string', 'number', 'letter', 'symbol', 'phone_number'] as const) {
      expect(wechatValue(kind, undefined, at)).not.toBe('')
      expect(wechatValue(kind, '   ', at)).not.toBe('')
    }
  })

  it('keeps a phrase to 5 汉字 only', () => {
    expect(wechatValue('phrase', '已办结待确认', at)).toBe('已办结待确')
    expect(wechatValue('phrase', 'OK已签收!', at)).toBe('已签收')
    expect(wechatValue('phrase', 'done', at)).toBe('无')
  })

  it('keeps a character_string to 32 ASCII characters', () => {
    expect(wechatValue('character_string', 'P2026-000123', at)).toBe('P2026-000123')
    expect(wechatValue('character_string', '编号P2026', at)).toBe('P2026')
    expect(length(wechatValue('character_string', 'x'.repeat(40), at))).toBe(32)
  })

  it('keeps numbers, letters, symbols and phone numbers to their rules', () => {
    expect(wechatValue('number', '共 12.5 件', at)).toBe('12.5')
    expect(wechatValue('number', '无', at)).toBe('0')
    expect(wechatValue('letter', 'abc123', at)).toBe('abc')
    expect(wechatValue('symbol', 'a-b+c*d/e%f', at)).toBe('-+*/%')
    expect(wechatValue('phone_number', '电话 +86-0571-8888 8888 转 1', at)).toBe('+86-0571-88888888')
  })

  it('keeps a Chinese name to 10 characters, a Latin one to 20', () => {
    expect(wechatValue('name', '张三', at)).toBe('张三')
    expect(wechatValue('name', '某某某某某某某某某某某', at)).toBe('某某某某某某某某某某')
    expect(wechatValue('name', 'Li 雷', at)).toBe('Li雷')
    expect(wechatValue('name', 'A'.repeat(25), at)).toBe('A'.repeat(20))
  })

  it('writes times and dates the way WeChat wants them, in Shanghai time', () => {
    expect(wechatValue('time', '2026-10-12T16:00:00Z', at)).toBe('2026年10月13日 00:00')
    expect(wechatValue('date', '2026-10-12T16:00:00Z', at)).toBe('2026年10月13日')
    expect(wechatValue('date', '2026-01-05', at)).toBe('2026年1月5日')
    expect(wechatValue('time', '2026-01-05', at)).toBe('2026年1月5日')
    expect(chineseDateTime('2026-12-31T16:30:00Z')).toBe('2027年1月1日 00:30')
  })

  it('falls back to the message time for a missing or broken time', () => {
    expect(wechatValue('time', undefined, at)).toBe('2026年10月13日 09:30')
    expect(wechatValue('time', 'tomorrow', at)).toBe('2026年10月13日 09:30')
    expect(wechatValue('date', '2026-02-30', at)).toBe('2026年10月13日')
    expect(wechatValue('time', '2026-10-13T09:00', at)).toBe('2026年10月13日 09:30')
  })
})

describe('field maps', () => {
  it('fills each field from the named fact', () => {
    expect(wechatData({ thing1: 'subject', time2: 'time', phrase3: 'state' }, { subject: '融资对接', time: '2026-10-14T01:00:00Z' }, at)).toEqual({
      thing1: { value: '融资对接' },
      time2: { value: '2026年10月14日 09:00' },
      phrase3: { value: '无' },
    })
  })

  it('throws on an unsupported field: a configuration bug, caught by checkWechatFieldMap at startup', () => {
    expect(() => wechatData({ amount1: 'subject' }, {}, at)).toThrow(RangeError)
    expect(checkWechatFieldMap({ amount1: 'subject', thing2: 'nope' }, ['subject'])).toEqual([
      '不支持的模板字段「amount1」',
      '模板字段「thing2」引用了未知的消息内容「nope」',
    ])
    expect(checkWechatFieldMap({}, ['subject'])).toEqual(['字段映射不能为空'])
    expect(checkWechatFieldMap({ thing1: 'subject' }, ['subject'])).toEqual([])
  })
})
