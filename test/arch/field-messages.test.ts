import type { z } from 'zod'
import { AREAS } from '../../cloud/functions'
import { FIELD_LABELS } from '../../src/core/common/field-labels'

/**
 * Every validation message a person can meet names the field in plain Chinese (issue 15, defect 3): each action's
 * input schema, fed wrong values in every field (nested ones too), answers no zod developer text ("数值过小：期望 string
 * >=2 字符", "无效输入：期望 数字，实际接收 string"), no key and no English word, and every key has a Chinese name.
 */

type Shape = Record<string, z.ZodType>

// What each field is tried with: the wrong type, empty, too long, out of range, the wrong shape.
const BAD_VALUES: unknown[] = [undefined, null, 12345, -1, 1.5, 'x', '', '   ', 'é'.repeat(5000), true, [], ['x'], [12345], {}, { x: 1 }]
const DEVELOPER_TEXT = /期望 |实际接收|无效输入|无效选项|键\(key\)|[A-Za-z]/

function shapeOf(schema: z.ZodType): Shape | null {
  const def = (schema as unknown as { _zod: { def: { shape?: Shape; innerType?: z.ZodType; in?: z.ZodType; schema?: z.ZodType } } })._zod.def
  if (def.shape) return def.shape
  const inner = def.innerType ?? def.in ?? def.schema
  return inner ? shapeOf(inner) : null
}

function elementOf(schema: z.ZodType): z.ZodType | null {
  const def = (schema as unknown as { _zod: { def: { element?: z.ZodType; innerType?: z.ZodType } } })._zod.def
  if (def.element) return def.element
  return def.innerType ? elementOf(def.innerType) : null
}

/** Inputs with one field (at any depth) set to a bad value, the others absent. */
function badInputs(shape: Shape): unknown[] {
  const inputs: unknown[] = [{}, { unknownField: 1 }]
  for (const [key, field] of Object.entries(shape)) {
    for (const value of BAD_VALUES) inputs.push({ [key]: value })
    const nested = shapeOf(field)
    if (nested) for (const inner of badInputs(nested)) inputs.push({ [key]: inner })
    const element = elementOf(field)
    const elementShape = element && shapeOf(element)
    if (elementShape) for (const inner of badInputs(elementShape)) inputs.push({ [key]: [inner] })
  }
  return inputs
}

function keysOf(shape: Shape, into = new Set<string>()): Set<string> {
  for (const [key, field] of Object.entries(shape)) {
    into.add(key)
    const nested = shapeOf(field)
    if (nested) keysOf(nested, into)
    const element = elementOf(field)
    const elementShape = element && shapeOf(element)
    if (elementShape) keysOf(elementShape, into)
  }
  return into
}

const actions = Object.entries(AREAS).flatMap(([area, table]) =>
  Object.entries(table).map(([name, action]) => ({ name: `${area}.${name}`, input: action.input as z.ZodType })),
)

describe('validation messages name the field in plain Chinese', () => {
  it.each(actions)('$name: no developer text for any bad input', ({ input }) => {
    const shape = shapeOf(input)
    const shown = new Set<string>()
    for (const value of shape ? badInputs(shape) : [null, 'x', { unknownField: 1 }]) {
      for (const issue of input.safeParse(value).error?.issues ?? []) shown.add(issue.message)
    }
    expect([...shown].filter((message) => DEVELOPER_TEXT.test(message))).toEqual([])
  })

  it('every key an action takes has a Chinese name', () => {
    const keys = new Set<string>()
    for (const { input } of actions) {
      const shape = shapeOf(input)
      if (shape) keysOf(shape, keys)
    }
    expect([...keys].filter((key) => !Object.hasOwn(FIELD_LABELS, key)).sort()).toEqual([])
  })
})
