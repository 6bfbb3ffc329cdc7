import { ERRORS, fail, isFailure, ok, type Failure, type Result } from '../../src/core/errors'
import type { z } from 'zod'
import { mayCall, withCalendar, type ActionTable, type Caller, type Services } from './action'

/** Fields the transport adds to an event that are not part of an action's payload. */
const TRANSPORT_FIELDS = new Set(['action', 'userInfo'])

export interface Dispatch {
  area: string
  event: unknown
  caller: Caller | null
}

export interface Logger {
  error(details: object, message: string): void
}

/**
 * The one path every request takes, locally and in the cloud: find the action, check the caller, validate the
 * payload with the action's schema, run it. Expected failures come back as values; a thrown error is a bug, logged
 * with its stack and answered with a generic INTERNAL error.
 */
export async function dispatch(
  areas: Record<string, ActionTable>,
  request: Dispatch,
  services: Services,
  log: Logger,
): Promise<Result<unknown>> {
  const { area, event, caller } = request
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    return fail('VALIDATION_FAILED', '请求体应为 JSON 对象')
  }
  const actionName = (event as { action?: unknown }).action
  if (typeof actionName !== 'string') return fail('VALIDATION_FAILED', '缺少 action 字段')
  const table = Object.hasOwn(areas, area) ? areas[area] : undefined
  const action = table && Object.hasOwn(table, actionName) ? table[actionName] : undefined
  if (!action) return fail('NOT_FOUND', `没有这个操作：${area}.${actionName}`)

  if (action.access !== 'public') {
    if (!caller) return fail('UNAUTHENTICATED')
    if (!mayCall(action.access, caller)) return fail('FORBIDDEN')
  }

  const payload = Object.fromEntries(Object.entries(event).filter(([key]) => !TRANSPORT_FIELDS.has(key)))
  const parsed = action.input.safeParse(payload)
  if (!parsed.success) return validationFailure(parsed.error)

  try {
    const now = services.clock()
    const result = await action.run(parsed.data, { ...(await withCalendar(services)), caller, now })
    return isFailure(result) ? result : ok(result)
  } catch (error) {
    log.error({ err: error, area, action: actionName }, 'action failed')
    return fail('INTERNAL')
  }
}

/**
 * The first issue's message is the one people read: it names the field in Chinese (src/core/common/field-messages.ts).
 * The paths stay in `issues`, for a client that puts each message under its field.
 */
export function validationFailure(error: z.ZodError): Failure {
  const issues = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
  return fail('VALIDATION_FAILED', issues[0]?.message ?? ERRORS.VALIDATION_FAILED.message, { issues })
}
