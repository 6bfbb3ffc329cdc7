/**
 * Property-based fuzzing of every action of every area through the real host on PostgreSQL (issue 12, guardrail):
 * whatever arrives, the host never answers ≥ 500 and always answers the envelope of the transport contract.
 *
 * Inputs are generated from each action's own zod schema (read through zod's definitions, nothing listed by hand):
 * valid-looking values per field (ids that exist in the database, dates, times, months, instants, strings that match
 * the field's pattern, numbers at and beyond the bounds, enum values) mixed with what no client should send — missing
 * fields, wrong types, control characters, lone surrogates, RTL marks, emoji, strings of 100,000 characters, -0, 1e308,
 * 1e400, extra keys (`__proto__`, `constructor`, `prototype` as raw JSON text, so they arrive as own keys), a second
 * `action`, whole-body garbage (arrays, scalars, invalid JSON, 100,000 levels of nesting, other content types). A third
 * of the cases are a payload the schema accepts with one value made odd (a NUL in one string, 1e400 for one number):
 * what reaches the database only when everything else in the request is right.
 *
 * Each action is called by demo users who may call it (valid-looking inputs act for real on the fresh database), and
 * by a caller who may not, who must be refused (401/403) whatever the payload — access is checked before the input.
 *
 * Bounded in time: FUZZ_SECONDS (default 60) is shared among the actions; each runs as many cases as its share allows
 * (about 10,000 requests in all on a 2-core machine; the summary printed at the end says how many and how long).
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it; each action derives its own from it and its name), and a
 * failure prints the seed, fast-check's path and the shrunk request. FUZZ_ACTION=area.name runs one action only, and
 * with FUZZ_CASE_SEED and FUZZ_PATH (printed with a failure) replays its failing case alone.
 */
import fc from 'fast-check'
import { Client } from 'pg'
import { AREAS } from '../../cloud/functions'
import type { AnyAction } from '../../cloud/functions/action'
import { DEMO_ACTIVATION_CODE, DEMO_USERS } from '../../cloud/db/seed'
import { ERRORS } from '../../src/core/errors'
import { apiClient, type ApiClient } from '../support/api'
import { startHost, type RunningHost } from '../support/host'
import { describeOnPostgres } from '../support/postgres-suite'
import { WechatStub } from '../support/wechat-stub'

const SEED = Number(process.env.FUZZ_SEED ?? 20260412)
const BUDGET_MS = Number(process.env.FUZZ_SECONDS ?? 60) * 1000
const ONLY = process.env.FUZZ_ACTION
/** With FUZZ_ACTION: replays one case by fast-check's seed and path, as a failure prints them. */
const REPLAY = process.env.FUZZ_PATH ? { seed: Number(process.env.FUZZ_CASE_SEED), path: process.env.FUZZ_PATH } : null
/** A request that takes longer than this is a failure too (a hung request is as bad as a 500 to the phone). */
const REQUEST_TIMEOUT_MS = 15_000
/** Cases per action for a caller without access: cheap (refused before the input is read), so a fixed number. */
const DENIED_RUNS = 6
const BODY_LIMIT = 256 * 1024

jest.setTimeout(180_000)

// ---------------------------------------------------------------------------------------------------------------------
// Reading zod schemas (zod 4 keeps every schema's definition in `_zod.def`).

interface Def {
  type: string
  format?: string
  pattern?: RegExp
  checks?: Array<{ _zod: { def: CheckDef } }>
  shape?: Record<string, Schema>
  innerType?: Schema
  element?: Schema
  in?: Schema
  out?: Schema
  options?: Schema[]
  left?: Schema
  keyType?: Schema
  valueType?: Schema
  items?: Schema[]
  entries?: Record<string, string | number>
  values?: unknown[]
}
interface CheckDef {
  check: string
  value?: number
  inclusive?: boolean
  minimum?: number
  maximum?: number
  length?: number
  format?: string
  pattern?: RegExp
}
interface Schema {
  _zod: { def: Def }
  safeParse(value: unknown): { success: boolean }
}

const defOf = (schema: Schema): Def => schema._zod.def
const checksOf = (schema: Schema): CheckDef[] => (defOf(schema).checks ?? []).map((check) => check._zod.def)

/** The schema under optional/nullable/default/pipe wrappers: what kind of JSON value it wants. */
function base(schema: Schema): Schema {
  const def = defOf(schema)
  if (def.innerType) return base(def.innerType)
  if (def.type === 'pipe') return base(def.in!)
  return schema
}

/** Length or value bounds of a schema and the schemas it wraps. */
function bounds(schema: Schema): { min?: number; max?: number; pattern?: RegExp; int: boolean } {
  const out: { min?: number; max?: number; pattern?: RegExp; int: boolean } = { int: false }
  const visit = (s: Schema) => {
    const def = defOf(s)
    if (def.format === 'safeint' || def.format === 'int32') out.int = true
    if (def.pattern && def.type === 'string' && def.format !== 'uuid') out.pattern = def.pattern
    for (const check of checksOf(s)) {
      if (check.check === 'min_length') out.min = check.minimum
      if (check.check === 'max_length') out.max = check.maximum
      if (check.check === 'length_equals') out.min = out.max = check.length
      if (check.check === 'greater_than') out.min = check.value
      if (check.check === 'less_than') out.max = check.value
      if (check.check === 'number_format') out.int = true
      if (check.check === 'string_format' && check.format === 'regex') out.pattern = check.pattern
    }
    if (def.innerType) visit(def.innerType)
    if (def.type === 'pipe') {
      visit(def.in!)
      visit(def.out!)
    }
  }
  visit(schema)
  return out
}

const isUuid = (schema: Schema): boolean => {
  const def = defOf(schema)
  if (def.type === 'string' && def.format === 'uuid') return true
  if (def.innerType) return isUuid(def.innerType)
  if (def.type === 'pipe') return isUuid(def.out!) || isUuid(def.in!)
  return false
}

// ---------------------------------------------------------------------------------------------------------------------
// Generators. Everything generates JSON *text*, so keys such as `__proto__` really arrive as own keys, numbers such as
// -0 and 1e400 are sent as written, and a failing case prints as the exact body that was sent.

const json = (value: unknown): string => JSON.stringify(value)
const objectText = (entries: Array<[string, string]>): string => `{${entries.map(([key, value]) => `${json(key)}:${value}`).join(',')}}`

/** Characters nobody types, or that break naive handling: controls, surrogate halves, bidi marks, emoji, quotes. */
const SPECIAL_CHARACTERS = [
  '\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\ud800', '\udfff', '\u200f', '\u202e', '\u2066', '\u200b', '\ufeff',
  '\u00a0', '\u3000', '\t', '\n', '\r', '\u2028', '\u2029', '😀', '👨‍👩‍👧', 'e\u0301', '𠮷', '"', '\\', '<script>', "'", '%s', '${x}', '../',
]
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'then', 'length']
const RAW_NUMBERS = [
  '0', '-0', '1', '-1', '0.5', '-0.5', '1e308', '-1e308', '1e400', '-1e400', '5e-324', '1e-400', '9007199254740993',
  '123456789012345678901234567890', '1E2', '1.0', '-0.0', '2147483648', '4294967296',
]

const character = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('中', '文', 'a', 'Z', '1', ' ', '-') },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_CHARACTERS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
)
const oddString = fc.array(character, { maxLength: 24 }).map((chars) => chars.join(''))

/**
 * Any JSON value, for a field that wants something else, or an extra key; hostile ones also carry prototype keys
 * (which the host's JSON parser refuses as a whole: that answer, 400, comes before the access check).
 */
function garbageArb(hostile: boolean): fc.Arbitrary<string> {
  const keys = hostile ? fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 6 })) : fc.string({ maxLength: 6 }).filter((key) => !PROTOTYPE_KEYS.includes(key))
  const poisoned = ['{"__proto__":{"roles":["admin"],"isAdmin":true}}', '{"constructor":{"prototype":{"roles":["admin"]}}}']
  return fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { maxDepth: 3, depthIdentifier: hostile ? 'hostile' : 'garbage' },
      fc.constantFrom('null', 'true', 'false', '[]', '{}', '""'),
      fc.constantFrom(...RAW_NUMBERS),
      oddString.map(json),
      hostile ? fc.constantFrom(...poisoned) : fc.constant('{"roles":["admin"],"isAdmin":true}'),
      fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
      fc.array(fc.tuple(keys, tie('value')), { maxLength: 3 }).map(objectText),
    ),
  })).value
}
const garbage = garbageArb(true)
const tameGarbage = garbageArb(false)

const DAY_MS = 86_400_000
const now = Date.now()
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dateText = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10)

/** Strings shaped like the formats the schemas want, near today, and some that only look so. */
const FORMATS: Record<string, fc.Arbitrary<string>> = {
  date: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -400, max: 400 }).map((days) => dateText(now + days * DAY_MS)) },
    { weight: 1, arbitrary: fc.constantFrom('2026-02-30', '2026-13-01', '0000-01-01', '0099-12-31', '0100-01-01', '1899-12-31', '1900-01-01', '2199-12-31', '9999-12-30', '9999-12-31', '2026-1-1', '2026/01/01', '20260101', '2026-02-29', '2024-02-29') },
  ),
  time: fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 24 }), fc.constantFrom(0, 15, 30, 45, 59, 60)).map(([h, m]) => `${pad(h)}:${pad(m)}`) },
    { weight: 1, arbitrary: fc.constantFrom('24:00', '9:00', '09:00:00', '-1:00', '23:59', '00:00', '12:5') },
  ),
  month: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -36, max: 12 }).map((months) => dateText(now + months * 30.5 * DAY_MS).slice(0, 7)) },
    { weight: 1, arbitrary: fc.constantFrom('2026-00', '2026-13', '0000-01', '0100-01', '1900-01', '2199-12', '9999-11', '9999-12', '2026-1', '202601') },
  ),
  instant: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: -400 * 24, max: 60 * 24 }).map((hours) => new Date(now + hours * 3600_000).toISOString()) },
    { weight: 2, arbitrary: fc.integer({ min: -400, max: 60 }).map((days) => `${dateText(now + days * DAY_MS)}T09:30:00+08:00`) },
    { weight: 1, arbitrary: fc.constantFrom('2026-01-01T00:00:00', '2026-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', 'Z', '1970-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '0100-01-01T00:00:00+08:00', '9999-12-31T23:59:59Z', '9999-12-31T12:00:00+08:00') },
  ),
  year: fc.constantFrom('2025', '2026', '2027', '0', '-1', '99999'),
  numeric: fc.constantFrom(...RAW_NUMBERS),
}

/** Strings of lengths at and around a field's bounds (before and after trimming), maybe with one odd character. */
function sizedString(min = 0, max = 200): fc.Arbitrary<string> {
  const lengths = [...new Set([0, 1, min - 1, min, min + 1, max - 1, max, max + 1, 100_000].filter((n) => n >= 0))]
  return fc
    .record({
      length: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...lengths) }, { weight: 3, arbitrary: fc.integer({ min, max: Math.max(min, max) }) }),
      unit: fc.constantFrom('中', 'a', '😀', ' ', '\u3000'),
      odd: fc.option(fc.constantFrom(...SPECIAL_CHARACTERS), { freq: 2 }),
      at: fc.nat(),
      padded: fc.boolean(),
    })
    .map(({ length, unit, odd, at, padded }) => {
      let value = unit.repeat(Math.ceil(length / unit.length)).slice(0, length)
      if (odd !== null) {
        const i = value.length === 0 ? 0 : at % value.length
        value = value.slice(0, i) + odd + value.slice(i + odd.length)
      }
      return padded ? ` ${value} \n` : value
    })
}

interface Pools {
  /** Every id in the database (a dozen per column). */
  uuids: string[]
  /** The same by what a field would call them: `problemId` (problems.id, and every problem_id column), `slotId`… */
  idsByName: Map<string, string[]>
  /** Database row numbers (bigserial ids, versions): numbers that mean something to some field. */
  numbers: number[]
  /** Strings that mean something: the demo activation code, live card QR texts, demo user keys, WeChat stand-in codes. */
  strings: string[]
}

const RANDOM_UUIDS = ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '3F2504E0-4F89-11D3-9A0C-0305E82C3301']

/** Fields whose ids are named after another table than their own name says. */
const ID_ALIASES: Record<string, string[]> = {
  requestId: ['homeVisitId'],
  challengeId: ['desktopChallengeId'],
  staffId: ['userId'],
  leaderId: ['userId'],
  commissionerId: ['userId'],
  targetId: ['visitId', 'problemId'],
}
/** What a field called plain `id` is, by area. */
const ID_OF_AREA: Record<string, string[]> = { problems: ['problemId'], stations: ['stationId'], org: ['departmentId', 'invitationId'] }

function uuidArb(pools: Pools, options: GenOptions): fc.Arbitrary<string> {
  const field = options.field ?? ''
  const names = field === 'id' ? (ID_OF_AREA[options.area] ?? []) : [field, ...(ID_ALIASES[field] ?? [])]
  const named = [...new Set(names.flatMap((name) => pools.idsByName.get(name) ?? []))]
  return fc.oneof(
    ...(named.length ? [{ weight: 8, arbitrary: fc.constantFrom(...named) }] : []),
    { weight: 3, arbitrary: pools.uuids.length ? fc.constantFrom(...pools.uuids) : fc.uuid() },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...RANDOM_UUIDS) },
    { weight: 1, arbitrary: fc.uuid().map((u) => `${u.slice(0, -1)}\u0000`) },
  )
}

/**
 * A string field: every format family, weighted up when it produces values the field accepts (tried on the field's
 * own schema once, here), so valid-looking values reach the action as often as odd ones reach the schema.
 */
function stringArb(schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<string> {
  if (isUuid(schema)) return uuidArb(pools, options)
  const { min, max, pattern } = bounds(schema)
  const families: fc.Arbitrary<string>[] = [
    sizedString(min ?? 0, max ?? 200),
    ...Object.values(FORMATS),
    fc.constantFrom(...pools.strings),
    uuidArb(pools, options),
    oddString,
  ]
  if (pattern) {
    families.push(fc.stringMatching(pattern))
    families.push(fc.stringMatching(pattern).map((s) => `${s}\u0000`))
  }
  return fc.oneof(
    ...families.map((family, i) => {
      const sample = fc.sample(family, { seed: SEED + i, numRuns: 40 })
      const fits = sample.some((value) => schema.safeParse(value).success)
      return { weight: fits ? 6 : 1, arbitrary: family }
    }),
  )
}

function numberArb(schema: Schema, pools: Pools): fc.Arbitrary<string> {
  const { min = -1e6, max = 1e6, int } = bounds(schema)
  const lo = Math.max(min, -1e9)
  const hi = Math.min(max, 1e9)
  const near = [lo, hi, lo - 1, hi + 1, lo + 0.5, hi - 0.5, Math.floor((lo + hi) / 2)]
  return fc.oneof(
    // The first few values above the minimum: versions, weekdays, ratings, small limits.
    { weight: 4, arbitrary: fc.integer({ min: Math.ceil(lo), max: Math.min(Math.ceil(lo) + 5, Math.floor(hi)) }).map(String) },
    { weight: 5, arbitrary: int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).map(String) : fc.double({ min: lo, max: hi, noNaN: true }).map((n) => json(n)) },
    { weight: 3, arbitrary: fc.constantFrom(...near).map((n) => json(n)) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => json(n)) },
    { weight: 2, arbitrary: pools.numbers.length ? fc.constantFrom(...pools.numbers).map(String) : fc.nat().map(String) },
  )
}

interface GenOptions {
  /** Prototype keys, a second `action`, whole-body garbage, other content types: only for callers with access. */
  hostile: boolean
  area: string
  /** The field being generated (an array's elements get its singular): picks the ids it would hold. */
  field?: string
}

/** A value for a schema (as JSON text): valid-looking most of the time, of a wrong type sometimes. */
function valueArb(schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<string> {
  return fc.oneof({ weight: 12, arbitrary: shapedArb(schema, pools, options) }, { weight: 1, arbitrary: options.hostile ? garbage : tameGarbage })
}

function shapedArb(schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<string> {
  const def = defOf(schema)
  switch (def.type) {
    case 'object':
      return objectArb(schema, pools, options).map(objectText)
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return shapedArb(def.innerType!, pools, options)
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant('null') }, { weight: 3, arbitrary: shapedArb(def.innerType!, pools, options) })
    case 'pipe':
      // A string read through a transform (trimmed, upper-cased…) into another schema: generated as that string.
      return defOf(base(schema)).type === 'string' ? stringArb(schema, pools, options).map(json) : shapedArb(base(schema), pools, options)
    case 'string':
      return stringArb(schema, pools, options).map(json)
    case 'number':
    case 'int':
      return numberArb(schema, pools)
    case 'boolean':
      return fc.constantFrom('true', 'false')
    case 'enum': {
      const values = Object.values(def.entries!)
      return fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...values).map(json) },
        { weight: 1, arbitrary: fc.constantFrom(...values).map((v) => json(` ${String(v).toUpperCase()}`)) },
        { weight: 1, arbitrary: oddString.map(json) },
      )
    }
    case 'literal':
      return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...def.values!).map(json) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_NUMBERS) })
    case 'array': {
      const { min = 0, max = 10 } = bounds(schema)
      const element = valueArb(def.element!, pools, { ...options, field: options.field?.replace(/s$/, '') })
      return fc
        .oneof(
          { weight: 6, arbitrary: fc.array(element, { minLength: Math.min(min, 3), maxLength: Math.max(Math.min(max, 4), Math.min(min, 3)) }) },
          { weight: 1, arbitrary: fc.array(element, { minLength: Math.min(max + 1, 60), maxLength: Math.min(max + 1, 60) }) },
          { weight: 1, arbitrary: fc.constant(Array.from({ length: 5000 }, () => '1')) },
        )
        .map((items) => `[${items.join(',')}]`)
    }
    case 'union':
      return fc.oneof(...def.options!.map((option) => shapedArb(option, pools, options)))
    case 'intersection':
      return shapedArb(def.left!, pools, options)
    case 'record': {
      const key = defOf(base(def.keyType!)).type === 'string' || defOf(base(def.keyType!)).type === 'enum' ? stringArb(def.keyType!, pools, options) : fc.string()
      return fc.array(fc.tuple(key, valueArb(def.valueType!, pools, options)), { maxLength: 5 }).map(objectText)
    }
    case 'tuple':
      return fc.tuple(...def.items!.map((item) => valueArb(item, pools, options))).map((items) => `[${items.join(',')}]`)
    default:
      return options.hostile ? garbage : tameGarbage
  }
}

/** The entries of an object: each field present or missing (required ones mostly present), maybe extra keys. */
function objectArb(schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<Array<[string, string]>> {
  const fields = Object.entries(defOf(schema).shape ?? {}).map(([key, field]) => {
    const optional = field.safeParse(undefined).success
    return fc.option(valueArb(field, pools, { ...options, field: key }).map((value): [string, string] => [key, value]), { freq: optional ? 2 : 12, nil: null })
  })
  const extraKey = options.hostile
    ? fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, 'action', 'userInfo', 'roles', 'isAdmin', ''), fc.string({ maxLength: 8 }))
    : fc.oneof(fc.constantFrom('userInfo', 'roles', 'isAdmin', ''), fc.string({ maxLength: 8 }).filter((key) => !PROTOTYPE_KEYS.includes(key) && key !== 'action'))
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.array(fc.tuple(extraKey, options.hostile ? garbage : tameGarbage), { minLength: 1, maxLength: 2 }) },
  )
  return fc.tuple(fc.tuple(...fields), extras).map(([present, extra]) => [
    ...present.filter((entry): entry is [string, string] => entry !== null),
    ...(extra ?? []),
  ])
}

/**
 * Values the schema accepts, as JSON text: objects field by field (optional fields sometimes left out), anything else
 * picked from a few hundred generated values that pass the schema. Null when none does.
 */
function validArb(schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<string> | null {
  const def = defOf(schema)
  if (def.type === 'object') {
    const fields: fc.Arbitrary<[string, string] | null>[] = []
    for (const [key, field] of Object.entries(def.shape ?? {})) {
      const value = validArb(field, pools, { ...options, field: key })
      const optional = field.safeParse(undefined).success
      if (!value && !optional) return null
      if (!value) continue
      const entry = value.map((v): [string, string] => [key, v])
      fields.push(optional ? fc.option(entry, { freq: 2, nil: null }) : entry)
    }
    return fc.tuple(...fields).map((entries) => objectText(entries.filter((entry): entry is [string, string] => entry !== null)))
  }
  if (def.innerType && def.type !== 'nullable') return validArb(def.innerType, pools, options)
  const samples = [...new Set(fc.sample(shapedArb(schema, pools, options), { seed: SEED, numRuns: 150 }))].filter((text) => {
    try {
      return schema.safeParse(JSON.parse(text)).success
    } catch {
      return false
    }
  })
  return samples.length ? fc.constantFrom(...samples.slice(0, 40)) : null
}

/**
 * A valid payload with one value made odd: a control character, bidi mark, emoji, lone surrogate… put into one of its
 * strings, or an odd number (-0, 1e400, 1e308, 0.5…) in place of one of its numbers. The NUL that PostgreSQL refuses
 * only reaches it this way, when everything else in the request is right.
 */
function oneOdd(payload: string, which: number, character: string, at: number, raw: string): string {
  const value = JSON.parse(payload) as unknown
  const leaves: Array<{ holder: Record<string, unknown> | unknown[]; key: string | number }> = []
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return
    for (const [key, item] of Object.entries(node)) {
      if (typeof item === 'object' && item !== null) walk(item)
      else leaves.push({ holder: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key })
    }
  }
  walk(value)
  const leaf = leaves.filter(({ holder, key }) => ['string', 'number'].includes(typeof (holder as Record<string | number, unknown>)[key]))[which % Math.max(1, leaves.length)]
  if (!leaf) return payload
  const holder = leaf.holder as Record<string | number, unknown>
  const current = holder[leaf.key]
  const token = '@@odd-number@@'
  if (typeof current === 'string') {
    const i = at % (current.length + 1)
    holder[leaf.key] = current.slice(0, i) + character + current.slice(i)
  } else {
    holder[leaf.key] = token
  }
  return JSON.stringify(value).replace(`"${token}"`, raw)
}

/** Bodies that are not an object with an action: the host must answer them as bad requests, never crash. */
const wholeBodyGarbage: fc.Arbitrary<string> = fc.oneof(
  garbage,
  fc.constantFrom('', '{bad', '{"action":', '{"action":"list",}', 'nul', "{'action':'list'}", '\ufeff{"action":"list"}', '{"action":"list"} trailing', '/* c */{}', '\u0000'),
  fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => open.repeat(depth) + '1' + (open === '[' ? ']' : '}').repeat(depth)),
  garbage.map((action) => `{"action":${action}}`),
  fc.constant(`{"action":"list","pad":"${'x'.repeat(BODY_LIMIT)}"}`),
)

const CONTENT_TYPES = ['application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'multipart/form-data', 'application/JSON', '']

interface Request {
  body: string
  contentType: string
}

/** The request for an action: mostly `{ action, ...payload }` as JSON, sometimes garbage of every kind. */
function requestArb(name: string, schema: Schema, pools: Pools, options: GenOptions): fc.Arbitrary<Request> {
  const wild = objectArb(schema, pools, options).map((entries) => objectText(entries))
  const valid = validArb(schema, pools, options)
  const payload = valid
    ? fc.oneof(
        { weight: 4, arbitrary: wild },
        { weight: 2, arbitrary: valid },
        {
          weight: 3,
          arbitrary: fc
            .tuple(valid, fc.nat(), fc.constantFrom(...SPECIAL_CHARACTERS), fc.nat(), fc.constantFrom(...RAW_NUMBERS))
            .map(([text, which, character, at, raw]) => oneOdd(text, which, character, at, raw)),
        },
      )
    : wild
  // `{ action, ...payload }`: the payload's entries after the action.
  const event = payload.map((text) => `{"action":${json(name)}${text === '{}' ? '}' : `,${text.slice(1)}`}`)
  if (!options.hostile) return event.map((body) => ({ body, contentType: 'application/json' }))
  return fc.record({
    body: fc.oneof({ weight: 18, arbitrary: event }, { weight: 2, arbitrary: wholeBodyGarbage }),
    contentType: fc.oneof({ weight: 20, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) }),
  })
}

// ---------------------------------------------------------------------------------------------------------------------
// The property: never ≥ 500, always the envelope, the status the code's.

interface Reply {
  status: number
  text: string
  body: unknown
}

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/
const CHINESE = /[\u4e00-\u9fff]/

/** What is wrong with a reply, or null: the transport contract of DESIGN.md §3. */
function contractViolation(reply: Reply): string | null {
  if (reply.status >= 500) return `HTTP ${reply.status}`
  const body = reply.body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body is not a JSON object'
  const keys = Object.keys(body).sort().join(',')
  if (body.ok === true) {
    if (keys !== 'data,ok') return `ok:true with keys ${keys}`
    if (reply.status !== 200) return `ok:true with HTTP ${reply.status}`
    return null
  }
  if (body.ok !== false) return 'ok is neither true nor false'
  if (keys !== 'error,ok') return `ok:false with keys ${keys}`
  const error = body.error
  if (typeof error !== 'object' || error === null) return 'error is not an object'
  const extra = Object.keys(error).filter((key) => !['code', 'message', 'details'].includes(key))
  if (extra.length) return `error has keys ${extra.join(',')}`
  if (typeof error.code !== 'string' || !UPPER_SNAKE.test(error.code)) return `error.code ${json(error.code)} is not UPPER_SNAKE`
  if (typeof error.message !== 'string' || !CHINESE.test(error.message)) return `error.message ${json(error.message)} has no Chinese`
  const known = (ERRORS as Record<string, { status: number }>)[error.code]
  if (!known) return `unknown error code ${error.code}`
  if (known.status !== reply.status) return `${error.code} answered with HTTP ${reply.status}, not ${known.status}`
  return null
}

// ---------------------------------------------------------------------------------------------------------------------

const ACTIONS = Object.entries(AREAS).flatMap(([area, table]) =>
  Object.entries(table).map(([name, action]) => ({ label: `${area}.${name}`, area, name, action: action as AnyAction })),
)

/**
 * Run last: with valid-looking input they take away what other actions' inputs lean on (a card, a session, a
 * department, an invitation, a booking), which only makes the actions after them shallower, never wrong.
 */
const LAST = new Set(['cards.suspend', 'cards.revoke', 'stations.cancelSession', 'bookings.cancel', 'bookings.cancelHomeVisit', 'org.deactivateDepartment', 'org.revokeInvite', 'org.unassignCommissioner', 'org.setRoles', 'org.deactivate'])
/**
 * These never get the demo users' own ids: deactivating or stripping the roles of the users the suite signs in with
 * would turn every later case of theirs into ACCOUNT_DEACTIVATED/FORBIDDEN. Other users (the seeded ones without a
 * demo key, sign-ins made by auth.devLogin cases, the suite's victims) are fair game.
 */
const SPARE_DEMO_USERS = new Set(['org.setRoles', 'org.deactivate'])

const ORDERED = [...ACTIONS.filter((a) => !LAST.has(a.label)), ...ACTIONS.filter((a) => LAST.has(a.label))].filter((a) => !ONLY || a.label === ONLY)

const ANONYMOUS = '(anonymous)'
const FORGED = '(forged token)'

/**
 * Demo users who may call an action (anonymous too for public ones), and callers who may not, by the roles they hold
 * now: cases act for real, and an activation code redeemed by a handler makes a holder of them.
 */
function callersOf(action: AnyAction, roles: Map<string, string[]>): { allowed: string[]; denied: string[] } {
  const keys = DEMO_USERS.map((user) => user.key)
  if (action.access === 'public') return { allowed: [ANONYMOUS, ...keys], denied: [] }
  if (action.access === 'signedIn') return { allowed: keys, denied: [ANONYMOUS, FORGED] }
  const wanted = action.access as readonly string[]
  const has = (key: string) => (roles.get(key) ?? []).some((role) => wanted.includes(role))
  return { allowed: keys.filter(has), denied: [...keys.filter((key) => !has(key)), ANONYMOUS, FORGED] }
}

/** A seed per action, from the suite's seed and the action's name: adding an action does not reshuffle the others. */
function seedFor(label: string): number {
  let hash = SEED | 0
  for (const char of label) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0
  return hash
}

describeOnPostgres('fuzzing every action through the host on PostgreSQL', () => {
  let host: RunningHost
  let wechat: WechatStub
  let api: ApiClient
  let db: Client
  const tokens = new Map<string, string>()
  let demoUserIds: string[] = []
  const roles = new Map<string, string[]>()
  let pools: Pools = { uuids: [], idsByName: new Map(), numbers: [], strings: [] }
  const started = Date.now()
  let fuzzStarted = 0
  let fuzzMs = 0
  let requests = 0
  let requestMs = 0
  /** Answers with ok:true, to see how deep the valid-looking cases get. */
  let succeeded = 0
  /** Connection resets on bodies over the host's limit (see `send`). */
  let oversizeResets = 0
  let actionsDone = 0
  const outcomes = new Map<string, number>()
  const perAction: string[] = []
  const violations: string[] = []
  const resignIns: string[] = []

  beforeAll(async () => {
    wechat = await new WechatStub().start()
    host = await startHost('postgres', {
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...wechat.hostEnv,
    })
    api = apiClient(host.url)
    for (const user of DEMO_USERS) tokens.set(user.key, await api.login(user.key))
    // Users the admin actions may deactivate and re-role at will.
    for (const victim of ['fuzz-victim-1', 'fuzz-victim-2', 'fuzz-victim-3']) await api.login(victim)
    db = new Client({ connectionString: host.env.DATABASE_URL })
    await db.connect()
    demoUserIds = (await db.query<{ id: string }>(`SELECT id FROM users WHERE openid = ANY($1)`, [DEMO_USERS.map((u) => `dev:${u.key}`)])).rows.map((r) => r.id)
    expect(demoUserIds).toHaveLength(DEMO_USERS.length)
    fuzzStarted = Date.now()
  }, 120_000)

  afterAll(async () => {
    fuzzMs = Date.now() - fuzzStarted
    await db?.end()
    await host?.stop()
    await wechat?.stop()
    const byOutcome = [...outcomes].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key}×${count}`).join(' ')
    process.stdout.write(
      [
        '',
        `fuzz: seed ${SEED}, ${requests} requests to ${actionsDone} actions in ${(fuzzMs / 1000).toFixed(1)} s of fuzzing ` +
          `(${((Date.now() - started) / 1000).toFixed(1)} s with the host's start, ${(requestMs / 1000).toFixed(1)} s waiting for answers), budget ${BUDGET_MS / 1000} s`,
        `fuzz: outcomes ${byOutcome}`,
        `fuzz: re-signed in ${resignIns.length} times (${summarise(resignIns)}); ${oversizeResets} oversized bodies answered by a connection reset`,
        ...(process.env.FUZZ_VERBOSE === '1' ? perAction.map((line) => `fuzz:   ${line}`) : []),
        ...(violations.length ? [`fuzz: ${violations.length} contract violations, first of each action:`, ...dedupe(violations).map((v) => `  ${v}`)] : []),
        '',
      ].join('\n'),
    )
  })

  /** Every id in the database now (rows made by earlier cases included), and numbers of bigserial rows. */
  async function refreshPools(spareDemoUsers: boolean): Promise<void> {
    const columns = (
      await db.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT table_name, column_name, data_type FROM information_schema.columns
          WHERE table_schema = 'public' AND (data_type = 'uuid' OR (column_name = 'id' AND data_type = 'bigint'))`,
      )
    ).rows
    const union = columns
      .map((c) => `(SELECT "${c.column_name}"::text AS v, '${c.data_type}' AS t, '${c.table_name}' AS tab, '${c.column_name}' AS col FROM "${c.table_name}" WHERE "${c.column_name}" IS NOT NULL ORDER BY 1 DESC LIMIT 12)`)
      .join(' UNION ALL ')
    const rows = (await db.query<{ v: string; t: string; tab: string; col: string }>(`SELECT v, t, tab, col FROM (${union}) AS ids ORDER BY tab, col, v`)).rows
    const users = await db.query<{ openid: string; roles: string[] }>(`SELECT openid, roles FROM users WHERE openid = ANY($1)`, [DEMO_USERS.map((u) => `dev:${u.key}`)])
    for (const user of users.rows) roles.set(user.openid.slice('dev:'.length), user.roles)
    const spare = new Set(spareDemoUsers ? demoUserIds : [])
    const ids = rows.filter((r) => r.t === 'uuid' && !spare.has(r.v))
    const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())
    const idsByName = new Map<string, string[]>()
    for (const r of ids) {
      // problems.id and problem_events.problem_id are both a `problemId`.
      const name = r.col === 'id' ? `${camel(r.tab.replace(/s$/, ''))}Id` : camel(r.col)
      idsByName.set(name, [...new Set([...(idsByName.get(name) ?? []), r.v])])
    }
    pools = {
      uuids: [...new Set(ids.map((r) => r.v))],
      idsByName,
      numbers: [...new Set(rows.filter((r) => r.t === 'bigint').map((r) => Number(r.v)))],
      strings: [DEMO_ACTIVATION_CODE, ...DEMO_USERS.map((u) => u.key), 'bad-code', 'busy-code', 'visitor_1', ...(await cardQrs())],
    }
  }

  /** Live QR texts of the demo holders' cards, for cards.verify and bookings.checkIn. */
  async function cardQrs(): Promise<string[]> {
    const qrs: string[] = []
    for (const key of ['holder-demo', 'holder-other']) {
      const mine = await api.call('cards', 'mine', {}, tokens.get(key))
      const cards = mine.body.ok ? (mine.body.data as { items: Array<{ id: string }> }).items : []
      for (const card of cards.slice(0, 1)) {
        const token = await api.call('cards', 'token', { cardId: card.id }, tokens.get(key))
        if (token.body.ok) qrs.push((token.body.data as { qr: string }).qr)
      }
    }
    return qrs
  }

  async function send(area: string, caller: string, request: Request): Promise<Reply> {
    const token = caller === ANONYMOUS ? null : caller === FORGED ? `${tokens.get('admin-demo')!.slice(0, -2)}xx` : tokens.get(caller)!
    const headers: Record<string, string> = {}
    if (request.contentType) headers['content-type'] = request.contentType
    if (token) headers.authorization = `Bearer ${token}`
    requests++
    const sentAt = Date.now()
    let res: Response
    let text: string
    try {
      res = await fetch(`${host.url}/api/${area}`, { method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      text = await res.text()
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : ''
      // Over the body limit the host answers 413 at once and closes the connection without reading the rest; the
      // client, still writing, may then see the reset before the answer (TCP drops it). Not a crash, nor anything a
      // client sends: counted, not failed. Every other request must be answered.
      if (Buffer.byteLength(request.body) > BODY_LIMIT) {
        oversizeResets++
        return { status: 413, text: '', body: { ok: false, error: { code: 'PAYLOAD_TOO_LARGE', message: ERRORS.PAYLOAD_TOO_LARGE.message } } }
      }
      return { status: 599, text: `no answer: ${error instanceof Error ? error.message : String(error)}${cause}`, body: undefined }
    } finally {
      requestMs += Date.now() - sentAt
    }
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      body = undefined
    }
    const code = (body as { error?: { code?: string } } | undefined)?.error?.code ?? (res.status === 200 ? 'ok' : String(res.status))
    if (code === 'ok') succeeded++
    outcomes.set(code, (outcomes.get(code) ?? 0) + 1)
    return { status: res.status, text, body }
  }

  /** A demo user's token that stopped working (auth.logout of it, say) is replaced, so later cases keep their access. */
  async function keepSignedIn(caller: string, reply: Reply, label: string): Promise<void> {
    if (caller === ANONYMOUS || caller === FORGED) return
    const code = (reply.body as { error?: { code?: string } } | undefined)?.error?.code
    if ((label === 'auth.logout' && reply.status === 200) || code === 'UNAUTHENTICATED') {
      tokens.set(caller, await api.login(caller))
      resignIns.push(label)
    }
  }

  it.each(ORDERED.map((a) => [a.label, a] as const))('%s: never 500, always the envelope; refused to callers without access', async (label, { area, name, action }) => {
    const schema = action.input as unknown as Schema
    await refreshPools(SPARE_DEMO_USERS.has(label))
    const { allowed, denied } = callersOf(action, roles)
    if (allowed.length === 0) throw new Error(`${label}: no demo user may call it any more (roles now: ${json([...roles])})`)
    const seed = seedFor(label)
    const remaining = BUDGET_MS - (Date.now() - fuzzStarted)
    const timeLimit = Math.max(200, remaining / (ORDERED.length - actionsDone))
    const sentBefore = requests
    const succeededBefore = succeeded
    const firstViolation: { value?: string } = {}

    const allowedProperty = fc.asyncProperty(fc.constantFrom(...allowed), requestArb(name, schema, pools, { hostile: true, area }), async (caller, request) => {
      const reply = await send(area, caller, request)
      await keepSignedIn(caller, reply, label)
      const wrong = contractViolation(reply)
      if (wrong) {
        const line = `${label} as ${caller}: ${wrong} — sent ${describe(request)} → ${reply.text.slice(0, 200)}`
        violations.push(line)
        firstViolation.value ??= line
        throw new Error(line)
      }
    })
    const allowedRun = await fc.check(allowedProperty, REPLAY ?? { seed, numRuns: 1_000_000, interruptAfterTimeLimit: timeLimit, markInterruptAsFailure: false })

    let deniedRun: fc.RunDetails<[string, Request]> | null = null
    if (denied.length) {
      const deniedProperty = fc.asyncProperty(fc.constantFrom(...denied), requestArb(name, schema, pools, { hostile: false, area }), async (caller, request) => {
        const reply = await send(area, caller, request)
        const wrong = contractViolation(reply)
        const code = (reply.body as { error?: { code?: string } }).error?.code
        const refused = reply.status === 401 || reply.status === 403 || (reply.status === 413 && Buffer.byteLength(request.body) > BODY_LIMIT)
        if (wrong || !refused) {
          const line = `${label} as ${caller} (no access): ${wrong ?? `answered ${reply.status} ${code ?? 'ok'} instead of refusing`} — sent ${describe(request)} → ${reply.text.slice(0, 200)}`
          violations.push(line)
          firstViolation.value ??= line
          throw new Error(line)
        }
      })
      deniedRun = await fc.check(deniedProperty, { seed, numRuns: DENIED_RUNS, interruptAfterTimeLimit: 20_000 })
    }
    actionsDone++
    perAction.push(`${label}: ${allowedRun.numRuns} cases${deniedRun ? ` + ${deniedRun.numRuns} without access` : ''}, ${requests - sentBefore} requests, ${succeeded - succeededBefore} ok`)

    const failures = [allowedRun, deniedRun].filter((run): run is fc.RunDetails<[string, Request]> => run !== null && run.failed)
    if (failures.length) {
      const messages = failures.map((run) =>
        [
          `Reproduce: FUZZ_SEED=${SEED} FUZZ_ACTION=${label}; this case alone: FUZZ_ACTION=${label} FUZZ_CASE_SEED=${run.seed} FUZZ_PATH=${run.counterexamplePath}`,
          `first failing case: ${firstViolation.value ?? ''}`,
          `shrunk: ${run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)}`,
        ].join('\n'),
      )
      throw new Error(messages.join('\n\n'))
    }
    expect(allowedRun.numRuns).toBeGreaterThan(0)
  })

  it('answers any area, known or not, with the envelope', async () => {
    const areas = [...Object.keys(AREAS), 'nowhere', '__proto__', 'constructor', 'hasOwnProperty', 'toString', '%00', '%E4%B8%AD', 'uploads', '..%2Fhealth']
    const anyArea = fc.asyncProperty(fc.constantFrom(...areas), fc.constantFrom(ANONYMOUS, 'admin-demo', FORGED), fc.oneof(wholeBodyGarbage, garbage.map((g) => `{"action":${g}}`), fc.constantFrom(...PROTOTYPE_KEYS).map((k) => `{"action":${json(k)}}`)), async (area, caller, body) => {
      const reply = await send(area, caller, { body, contentType: 'application/json' })
      const wrong = contractViolation(reply)
      if (wrong) {
        const line = `/api/${area} as ${caller}: ${wrong} — sent ${body.slice(0, 300)} → ${reply.text.slice(0, 200)}`
        violations.push(line)
        throw new Error(line)
      }
    })
    await fc.assert(anyArea, { seed: seedFor('any area'), numRuns: 150 })
  })
})

/** A request as a failure shows it: the body (cut short if long, with its length) and an unusual content type. */
function describe(request: Request): string {
  const long = request.body.length > 300 ? `… (${request.body.length} characters)` : ''
  const type = request.contentType === 'application/json' ? '' : ` as ${request.contentType || 'no content type'}`
  return `${request.body.slice(0, 300)}${long}${type}`
}

function summarise(lines: string[]): string {
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1)
  return [...counts].map(([line, count]) => `${line}×${count}`).join(', ') || 'never'
}

/** The first violation of each action (and of each kind of problem within it). */
function dedupe(lines: string[]): string[] {
  const seen = new Set<string>()
  return lines.filter((line) => {
    const key = line.replace(/ — sent[\s\S]*$/, '').replace(/ as [^:]+:/, ':')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
