import { isIsoDate, shanghaiDate, shanghaiWallTime, toInstant, type InstantInput } from '../calendar/shanghai-time'

/**
 * The value rules of WeChat subscribe messages (subscribeMessage.send, 「订阅消息参数值内容限制说明」). A value that
 * breaks them makes WeChat answer 47003 and the message is lost for good, so every value is fitted here before sending:
 *
 *   thing             ≤ 20 characters, any (汉字, digits, letters, symbols)
 *   number            ≤ 32 digits, optionally with decimals
 *   letter            ≤ 32 letters
 *   symbol            ≤ 5 symbols
 *   character_string  ≤ 32 digits, letters or symbols (no 汉字)
 *   time              24-hour time, optionally with the date: 2019年10月1日 15:01
 *   date              a date, optionally with the time: 2019年10月1日
 *   phone_number      ≤ 17 digits and symbols
 *   name              ≤ 10 汉字, or ≤ 20 letters/symbols (mixed counts as Chinese)
 *   phrase            ≤ 5 汉字 only, e.g. 配送中
 *
 * Empty values are refused too ("data.thing1.value is empty"), so each kind has a placeholder. Kinds we never use
 * (amount, car_number, enum, …) are not supported: a field map naming one is a configuration error.
 * Zod-free: the main package may import it.
 */
export const WECHAT_FIELD_KINDS = ['thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'phone_number', 'name', 'phrase'] as const
export type WechatFieldKind = (typeof WECHAT_FIELD_KINDS)[number]

/** Characters allowed per kind (counted as WeChat counts them: one per character, an emoji is one too). */
export const WECHAT_FIELD_LIMITS: Record<Exclude<WechatFieldKind, 'time' | 'date'>, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  phone_number: 17,
  name: 10,
  phrase: 5,
}

/** A field key as WeChat names it in a template: the kind and its position, e.g. `thing1`, `character_string3`. */
const FIELD_KEY_RE = new RegExp(`^(${WECHAT_FIELD_KINDS.join('|')})(\\d{1,2})$`)

export function wechatFieldKind(key: string): WechatFieldKind | null {
  const m = FIELD_KEY_RE.exec(key)
  return m ? (m[1] as WechatFieldKind) : null
}

export type WechatData = Record<string, { value: string }>

const CJK_RE = /[\u3400-\u9fff]/
const CJK_ALL_RE = /[\u3400-\u9fff]/g
const chars = (value: string) => Array.from(value)
const clip = (value: string, max: number) => chars(value).slice(0, max).join('')

/** Long text is cut with an ellipsis so a reader sees it goes on (the full text is in 消息中心). */
function ellipsis(value: string, max: number): string {
  return chars(value).length <= max ? value : `${clip(value, max - 1)}…`
}

/** 2026年10月1日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2026年10月1日 09:30 (Asia/Shanghai) */
export function chineseDateTime(instant: InstantInput): string {
  return `${chineseDate(shanghaiDate(instant))} ${shanghaiWallTime(instant)}`
}

/** An ISO instant with offset or a Date, or null for anything else (no throw: stored data may be anything). */
export function instantOrNull(value: unknown): Date | null {
  if (!(value instanceof Date) && typeof value !== 'string') return null
  try {
    return toInstant(value)
  } catch {
    return null
  }
}

/** A time or date value: an ISO instant, or a date 'YYYY-MM-DD' (shown without a time); else the message's own time. */
function when(kind: 'time' | 'date', raw: string | undefined, at: InstantInput): string {
  if (raw !== undefined && isIsoDate(raw)) return chineseDate(raw)
  const instant = instantOrNull(raw) ?? toInstant(at)
  return kind === 'time' ? chineseDateTime(instant) : chineseDate(shanghaiDate(instant))
}

/**
 * Fits a value to its kind. `raw` is human text (or an ISO instant/date for time and date); `at` is the message's
 * creation time, shown when a time field has nothing better.
 */
export function wechatValue(kind: WechatFieldKind, raw: string | undefined, at: InstantInput): string {
  const text = (raw ?? '').replace(/\s+/g, ' ').trim()
  switch (kind) {
    case 'time':
    case 'date':
      return when(kind, raw?.trim(), at)
    case 'thing':
      return ellipsis(text, WECHAT_FIELD_LIMITS.thing) || '无'
    case 'phrase':
      return clip((text.match(CJK_ALL_RE) ?? []).join(''), WECHAT_FIELD_LIMITS.phrase) || '无'
    case 'name': {
      const name = text.replace(/\s/g, '')
      if (CJK_RE.test(name)) return clip(name.replace(/[^\u3400-\u9fffA-Za-z]/g, ''), WECHAT_FIELD_LIMITS.name)
      return clip(name, 20) || '无'
    }
    case 'character_string':
      return clip(text.replace(/[^\x21-\x7e]/g, ''), WECHAT_FIELD_LIMITS.character_string) || '-'
    case 'number':
      return clip(/\d+(\.\d+)?/.exec(text)?.[0] ?? '0', WECHAT_FIELD_LIMITS.number)
    case 'letter':
      return clip(text.replace(/[^A-Za-z]/g, ''), WECHAT_FIELD_LIMITS.letter) || 'NA'
    case 'symbol':
      return clip(text.replace(/[\sA-Za-z0-9\u3400-\u9fff]/g, ''), WECHAT_FIELD_LIMITS.symbol) || '-'
    case 'phone_number':
      return clip(text.replace(/[^0-9+\-()]/g, ''), WECHAT_FIELD_LIMITS.phone_number) || '-'
  }
}

/**
 * Which fact of a message fills which field of a WeChat template, e.g. `{ thing1: 'subject', time2: 'time' }`. The
 * field keys depend on the template picked in the WeChat console, so configuration may replace the defaults.
 */
export type WechatFieldMap = Readonly<Record<string, string>>

/** Problems of a field map (from configuration), in Chinese; empty when it can be used. */
export function checkWechatFieldMap(fields: WechatFieldMap, factNames: readonly string[]): string[] {
  const keys = Object.keys(fields)
  const problems: string[] = []
  if (keys.length === 0) problems.push('字段映射不能为空')
  for (const key of keys) {
    if (!wechatFieldKind(key)) problems.push(`不支持的模板字段「${key}」`)
    if (!factNames.includes(fields[key])) problems.push(`模板字段「${key}」引用了未知的消息内容「${fields[key]}」`)
  }
  return problems
}

/** The `data` of subscribeMessage.send. Throws on a field key of an unsupported kind: a configuration bug. */
export function wechatData(fields: WechatFieldMap, facts: Readonly<Record<string, string | undefined>>, at: InstantInput): WechatData {
  const data: WechatData = {}
  for (const [key, fact] of Object.entries(fields)) {
    const kind = wechatFieldKind(key)
    if (!kind) throw new RangeError(`unsupported WeChat template field: ${key}`)
    data[key] = { value: wechatValue(kind, facts[fact], at) }
  }
  return data
}
