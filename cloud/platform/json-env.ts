import * as z from 'zod'

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
      for (const issue of parsed.error.issues) {
        // For the operator: an unknown key by name (the people-facing message of the product leaves it out).
        const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.join(', ')}` : issue.message
        ctx.addIssue({ code: 'custom', message: `${issue.path.join('.') || '(root)'}: ${message}` })
      }
      return z.NEVER
    }
    return parsed.data
  })
}
