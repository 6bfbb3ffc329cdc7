import type { FastifyInstance, FastifyRequest } from 'fastify'
import { isFailure, statusOf, type Failure } from '../../src/core/errors'
import type { Caller, Services } from '../functions/action'
import { AREAS } from '../functions'
import { dispatch } from '../functions/router'
import { surveyFileName, surveyWorkbook } from '../functions/surveys/survey.export'
import { surveyFor } from '../functions/surveys/surveys.queries'
import { attachment, XLSX_TYPE } from './report-download'

/**
 * GET /api/surveys/export?id=<survey> with the bearer token: the survey's results as .xlsx. As the monthly report's
 * download, the request goes through `surveys.export` first (role check, validation, the survey visible to the caller)
 * and only then is the workbook built.
 */
export function registerSurveyDownload(
  app: FastifyInstance,
  services: Services,
  callerOf: (request: FastifyRequest) => Promise<Caller | null | Failure>,
): void {
  app.get<{ Querystring: Record<string, unknown> }>('/api/surveys/export', async (request, reply) => {
    const caller = await callerOf(request)
    if (isFailure(caller)) return reply.code(statusOf(caller.error.code)).send(caller)
    const checked = await dispatch(AREAS, { area: 'surveys', event: { action: 'export', id: request.query.id }, caller }, services, request.log)
    if (!checked.ok) return reply.code(statusOf(checked.error.code)).send(checked)

    const now = services.clock()
    const found = await surveyFor(services.db, caller!, request.query.id as string, now)
    if (isFailure(found)) return reply.code(statusOf(found.error.code)).send(found)
    const bytes = await surveyWorkbook(services.db, found.row, found.view, now)
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', attachment(surveyFileName(found.view), 'survey-results.xlsx'))
      .header('cache-control', 'private, no-store')
      .send(bytes)
  })
}
