import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isFailure, statusOf, type Failure } from '../../src/core/errors'
import type { Caller, Services } from '../functions/action'
import { AREAS } from '../functions'
import { monthWorkbook } from '../functions/reports/reports.actions'
import { dispatch } from '../functions/router'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Content-Disposition for a Chinese file name: an ASCII `filename` for old clients and the real name in `filename*`
 * (RFC 5987/6266, UTF-8, percent-encoded), which browsers and wx.downloadFile prefer.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`
}

/**
 * GET /api/reports/export?month=YYYY-MM with the bearer token: the month's .xlsx. The request goes through
 * `reports.export` first — the same dispatch, role check, validation and readiness as over POST — and only then is the
 * workbook built; any refusal is the usual JSON envelope with its status.
 */
export function registerReportDownload(
  app: FastifyInstance,
  services: Services,
  callerOf: (request: FastifyRequest) => Promise<Caller | null | Failure>,
): void {
  app.get<{ Querystring: Record<string, unknown> }>('/api/reports/export', async (request, reply) => {
    const caller = await callerOf(request)
    if (isFailure(caller)) return reply.code(statusOf(caller.error.code)).send(caller)
    const month = request.query.month
    const checked = await dispatch(AREAS, { area: 'reports', event: { action: 'export', month }, caller }, services, request.log)
    if (!checked.ok) return reply.code(statusOf(checked.error.code)).send(checked)

    const file = await monthWorkbook(services.db, month as string, services.clock())
    if (isFailure(file)) return reply.code(statusOf(file.error.code)).send(file)
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(file.fileName, `report-${month}.xlsx`))
      .header('cache-control', 'private, no-store')
      .send(file.bytes)
  })
}
