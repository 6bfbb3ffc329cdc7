import type { z } from 'zod'
import { fieldLabel } from './field-labels'

type Issue = z.core.$ZodRawIssue

const PLAIN_TYPES: Record<string, string> = { number: '数字', int: '整数', bigint: '整数', boolean: '是或否', string: '文字', date: '日期' }

/**
 * zod's message for an issue no schema worded itself, in words a person reads: the field's Chinese name and what is
 * wrong with it ("事项至少2个字", "请填写联系电话"), never zod's "数值过小：期望 string >=2 字符" nor a key.
 * Messages a schema gives explicitly ('联系电话应为11位手机号…') outrank this.
 */
export function fieldMessage(issue: Issue): string {
  const named = fieldLabel(issue.path ?? [])
  const label = named ?? '此项'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return named ? `请填写${label}` : '缺少必填内容'
      return PLAIN_TYPES[issue.expected] ? `${label}应为${PLAIN_TYPES[issue.expected]}` : `${label}格式不正确`
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? `请填写${label}` : `${label}至少${min}个字`
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? `请选择${label}` : `${label}至少选择${min}项`
      return issue.inclusive === false ? `${label}应大于${min}` : `${label}不能小于${min}`
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `${label}不能超过${max}个字`
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多${max}项`
      return issue.inclusive === false ? `${label}应小于${max}` : `${label}不能大于${max}`
    }
    case 'invalid_value':
      return `请选择有效的${label}`
    case 'not_multiple_of':
      return `${label}应为${String(issue.divisor)}的倍数`
    case 'custom':
      // A check of ours that leaves the wording to this map: what is wrong, after the field's name.
      return typeof issue.params?.problem === 'string' ? `${named ?? ''}${issue.params.problem}` : `${label}格式不正确`
    case 'unrecognized_keys':
      // The keys are the program's, not the person's: an old client sent fields this version no longer takes.
      return '请求含有无法识别的内容，请更新到最新版本后重试'
    default:
      return `${label}格式不正确`
  }
}

/**
 * The error of a format check a schema words itself (`.refine(isIsoDate, { error: wrongFormat('2026-12-08') })`):
 * the field's name and an example, "有效期开始日期格式不正确，应如 2026-12-08", not a pattern like YYYY-MM-DD.
 */
export function wrongFormat(example: string) {
  return (issue: Issue) => `${fieldLabel(issue.path ?? []) ?? '此项'}格式不正确，应如 ${example}`
}
