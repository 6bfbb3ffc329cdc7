import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import fastifyStatic from '@fastify/static'

/** Build output named `[name].[contenthash:8].ext` (config/index.ts): its content never changes under that name. */
const CONTENT_HASHED = /\.[0-9a-f]{8}\.[a-z0-9]+$/i
/** The precompressed siblings the build writes beside each file (config/precompress.ts). */
const PRECOMPRESSED = /\.(br|gz)$/

/**
 * Cache rules of a served file: content-hashed files are kept a year without revalidation; everything else
 * (index.html, which names the current hashes) is revalidated on every load, so a new build is seen at once.
 */
export function cacheControlOf(file: string): string {
  return CONTENT_HASHED.test(file.replace(PRECOMPRESSED, '')) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/**
 * Serves a built H5 folder at `/`: the `.br`/`.gz` file the build wrote beside each asset when the request's
 * Accept-Encoding allows it (@fastify/static then sets content-encoding and `vary: accept-encoding`), else the file
 * itself. Only the files present at start get a route (no wildcard), so the compressed siblings are not routes.
 */
export async function registerStaticFiles(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: path.resolve(root),
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, file) => {
      reply.header('cache-control', cacheControlOf(file))
    },
  })
}
