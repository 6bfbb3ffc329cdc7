import { z } from 'zod'

/** An environment variable holding JSON: parsed, then checked by `schema`, each problem named with its path. */
export function jsonEnv<T>(schema: z.ZodType<T>) {
  return z.string().transform((text, ctx): T => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      ctx.addIssue({ code: 'custom', message: 'not valid JSON' })
      return z.NEVER
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` })
      return z.NEVER
    }
    return parsed.data
  })
}
