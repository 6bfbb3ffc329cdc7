/** First message per top-level field of a zod failure ('_' for the object itself). */
export function byField(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_')
    if (!errors[field]) errors[field] = issue.message
  }
  return errors
}
