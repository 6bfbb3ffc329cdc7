import { ERRORS, type ErrorCode } from './error.codes'

/** An expected failure as a value: the core and the actions return these; bugs throw instead. */
export interface Failure {
  ok: false
  error: { code: ErrorCode; message: string; details?: unknown }
}

export interface Success<T> {
  ok: true
  data: T
}

export type Result<T> = Success<T> | Failure

export function ok<T>(data: T): Success<T> {
  return { ok: true, data }
}

export function fail(code: ErrorCode, message: string = ERRORS[code].message, details?: unknown): Failure {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } }
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as Failure).ok === false && 'error' in value
}
