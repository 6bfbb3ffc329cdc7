import fs from 'node:fs'
import path from 'node:path'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import helmet from 'helmet'
import rateLimit from '@fastify/rate-limit'
import multipart from '@fastify/multipart'
import { ERRORS, fail, isFailure, statusOf, type ErrorCode, type Failure } from '../../src/core/errors'
import { PHOTO_TOO_LARGE } from '../../src/core/problem/problem.limits'
import type { Caller, Services } from '../functions/action'
import { callerOfSession } from '../functions/auth/sessions'
import { AREAS } from '../functions'
import { dispatch } from '../functions/router'
import { recordUpload, uploadType } from '../functions/problems/photo-uploads'
import { isDocumentKey } from '../platform/pdf-check'
import { MAX_UPLOAD_BYTES, type LocalUploads } from '../platform/uploads'
import { registerReportDownload } from './report-download'
import { registerSurveyDownload } from './survey-download'
import { securityHeaders, sharedAcrossOrigins, staticInlineScriptHashes } from './security-headers'
import { registerStaticFiles } from './static-files'

export interface HostOptions {
  services: Services
  storeKind: string
  staticDir: string | null
  rateLimitPerMinute: number
  logLevel: string
  uploads: LocalUploads
  /** Fastify's trustProxy: the reverse proxies in front of the host (TRUST_PROXY), or none. */
  trustProxy?: string
}

const BODY_LIMIT = 256 * 1024

/** GET or HEAD of `/api/health` or of anything outside `/api/`: not counted by the per-caller rate limit. */
export function isFreeOfRateLimit(method: string, routeUrl: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  return routeUrl === '/api/health' || !routeUrl?.startsWith('/api/')
}

/** The local host: `POST /api/<area>` with the transport contract of DESIGN.md §3, the H5 build, and health. */
export async function buildHost(options: HostOptions): Promise<FastifyInstance> {
  const { services } = options
  const app = Fastify({ logger: { level: options.logLevel }, bodyLimit: BODY_LIMIT, trustProxy: options.trustProxy || false })

  // The rate limit's key and the caller both need the session id: its signature is checked once per request.
  const sessionIds = new WeakMap<FastifyRequest, string | null>()
  const bearerSession = (request: FastifyRequest): string | null => {
    if (sessionIds.has(request)) return sessionIds.get(request)!
    const header = request.headers.authorization
    const id = header?.startsWith('Bearer ') ? services.sessions.read(header.slice(7).trim(), services.clock().getTime()) : null
    sessionIds.set(request, id)
    return id
  }
  /** The caller of a request: null without a token; a failure for a token that no longer signs anyone in. */
  const callerOf = async (request: FastifyRequest): Promise<Caller | null | Failure> => {
    const sessionId = bearerSession(request)
    if (!sessionId) return request.headers.authorization ? fail('UNAUTHENTICATED', '登录已失效，请重新登录') : null
    const caller = await callerOfSession(services.db, sessionId, services.clock())
    if (caller === 'deactivated') return fail('ACCOUNT_DEACTIVATED')
    return caller ?? fail('UNAUTHENTICATED', '登录已失效，请重新登录')
  }

  // Content-Security-Policy, X-Frame-Options, Referrer-Policy, nosniff and the rest on every answer, 404s and 429s too.
  // helmet's middleware built once: @fastify/helmet built it anew for every request (issue 13).
  const setSecurityHeaders = helmet(securityHeaders(staticInlineScriptHashes(options.staticDir)))
  app.addHook('onRequest', (request, reply, next) => {
    setSecurityHeaders(request.raw, reply.raw, () => {
      if (sharedAcrossOrigins(request.url)) reply.raw.setHeader('cross-origin-resource-policy', 'cross-origin')
      next()
    })
  })

  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Per caller: the session when the token is well signed, the address otherwise.
    keyGenerator: (request) => bearerSession(request) ?? request.ip,
    // Only the API counts: health checks and the files the host serves (the H5 build, photos by signed link) do not,
    // so a load balancer's probes or a page's scripts and images never use up a caller's (or a proxy's) minute.
    allowList: (request) => isFreeOfRateLimit(request.method, request.routeOptions.url),
    errorResponseBuilder: () => ({ statusCode: 429, ...fail('RATE_LIMITED') }),
  })

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply) => {
    const status = error.statusCode ?? 500
    const code: ErrorCode = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : status < 500 ? 'VALIDATION_FAILED' : 'INTERNAL'
    const message = code === 'VALIDATION_FAILED' ? '请求格式错误：请求体应为 JSON' : ERRORS[code].message
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    reply.code(statusOf(code)).send(fail(code, message))
  })

  app.get('/api/health', async () => ({ ok: true, data: { status: 'ok', store: options.storeKind } }))

  app.post<{ Params: { area: string } }>('/api/:area', async (request, reply) => {
    const caller = await callerOf(request)
    if (isFailure(caller)) return reply.code(statusOf(caller.error.code)).send(caller)
    const result = await dispatch(AREAS, { area: request.params.area, event: request.body, caller }, services, request.log)
    return reply.code(result.ok ? 200 : statusOf(result.error.code)).send(result)
  })

  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 } })

  // Photos for problems: multipart field `file`, signed-in callers only. Answers `{ key }` for problems.submit.
  app.post('/api/uploads', async (request, reply) => {
    const caller = await callerOf(request)
    if (!caller || isFailure(caller)) return reply.code(caller ? statusOf(caller.error.code) : 401).send(caller ?? fail('UNAUTHENTICATED'))
    const file = await request.file().catch(() => undefined)
    if (!file) return reply.code(400).send(fail('VALIDATION_FAILED', '请上传一张图片（字段名 file）'))
    const bytes = await file.toBuffer().catch(() => null)
    if (!bytes || file.file.truncated) return reply.code(413).send(fail('PAYLOAD_TOO_LARGE', PHOTO_TOO_LARGE))
    // Checked by its structure, not its name: a polyglot (an image carrying markup) is refused too.
    const image = options.uploads.prepare(bytes)
    if (!image) return reply.code(400).send(fail('VALIDATION_FAILED', '只能上传 JPG、PNG、WebP 图片或 PDF 文件（文件已损坏或含有非图片内容）'))
    const { key } = image
    // The caller's hourly rate and unreferenced quota; the row records the owner, size and checked type.
    const refused = await recordUpload(services.db, { key, ownerId: caller.id, size: image.bytes.length, contentType: image.type, now: services.clock() }, () =>
      options.uploads.write(key, image.bytes),
    )
    if (refused) return reply.code(statusOf(refused.error.code)).send(refused)
    return reply.send({ ok: true, data: { key, url: `/${services.photoLinks.sign(key, services.clock())}` } })
  })

  app.get<{ Params: { name: string }; Querystring: { exp?: string; sig?: string } }>('/uploads/:name', async (request, reply) => {
    const key = `uploads/${request.params.name}`
    if (!services.photoLinks.verify(key, request.query.exp, request.query.sig, services.clock())) {
      return reply.code(403).send(fail('FORBIDDEN', '图片链接已失效，请重新打开诉求查看'))
    }
    const found = options.uploads.open(key)
    // Served as the type its bytes were checked to be when uploaded, and never sniffed as anything else.
    const type = found && (await uploadType(services.db, key))
    if (!found || !type) return reply.code(404).send(fail('NOT_FOUND', '图片不存在'))
    // A document is a download in a sandbox: never a page of this origin, whatever its bytes hold.
    if (isDocumentKey(key)) reply.header('content-disposition', 'attachment; filename="attachment.pdf"').header('content-security-policy', 'sandbox')
    return reply.type(type).header('x-content-type-options', 'nosniff').header('cache-control', 'private, max-age=3600').send(fs.createReadStream(found.file))
  })

  // The monthly report as .xlsx, for a plain download (the POST action answers JSON only).
  registerReportDownload(app, services, callerOf)
  registerSurveyDownload(app, services, callerOf)

  app.all('/api/*', async (_request, reply) => reply.code(404).send(fail('NOT_FOUND', '没有这个接口')))

  if (options.staticDir && fs.existsSync(path.join(options.staticDir, 'index.html'))) {
    await registerStaticFiles(app, options.staticDir)
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('H5 版本尚未构建：请运行 npm run build:h5（npm start 会自动构建）'),
    )
  }
  return app
}

