import * as z from 'zod'
import { line } from './zod'

const first = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0].message

describe('validation messages name the field', () => {
  const form = z.strictObject({
    topic: line(50, 2),
    capacity: z.number().int().min(1).max(500),
    photos: z.array(z.string()).max(6),
    category: z.enum(['立项', '其他']),
    holder: z.strictObject({ contact: z.strictObject({ phone: z.string().min(1) }) }),
  })
  const valid = { topic: '用工', capacity: 3, photos: [], category: '其他', holder: { contact: { phone: '1' } } }

  it.each([
    [{ topic: '用' }, '事项至少2个字'],
    [{ topic: '' }, '事项至少2个字'],
    [{ topic: '用'.repeat(51) }, '事项不能超过50个字'],
    [{ topic: undefined }, '请填写事项'],
    [{ capacity: '3' }, '每个时段的名额应为数字'],
    [{ capacity: 0 }, '每个时段的名额不能小于1'],
    [{ capacity: 1.5 }, '每个时段的名额应为整数'],
    [{ photos: Array(7).fill('a') }, '照片最多6项'],
    [{ category: '天气' }, '请选择有效的诉求类别'],
    [{ holder: { contact: { phone: '' } } }, '请填写联系电话'],
    [{ extra: 1 }, '请求含有无法识别的内容，请更新到最新版本后重试'],
  ])('%j → %s', (change, message) => {
    expect(first(form, { ...valid, ...change })).toBe(message)
  })

  it('a message a schema gives itself outranks the generic one', () => {
    expect(first(z.strictObject({ qr: z.string().min(1, '请扫描服务卡二维码') }), { qr: '' })).toBe('请扫描服务卡二维码')
  })
})
