import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { HelmetOptions } from 'helmet'

/**
 * The `'sha256-…'` sources of the inline scripts of the H5 build's index.html: Taro puts one there (it sets the root
 * font size for rem units before the app loads). Hashing them at start lets exactly those scripts run, and nothing
 * injected, without 'unsafe-inline' and without changing the build.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = []
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(match[1]) || match[2].length === 0) continue
    hashes.push(`'sha256-${createHash('sha256').update(match[2], 'utf8').digest('base64')}'`)
  }
  return hashes
}

/** Inline script hashes of `<staticDir>/index.html`, none when there is no build. */
export function staticInlineScriptHashes(staticDir: string | null): string[] {
  if (!staticDir) return []
  const index = path.join(staticDir, 'index.html')
  return fs.existsSync(index) ? inlineScriptHashes(fs.readFileSync(index, 'utf8')) : []
}

/**
 * Taro's H5 tab bar renders its items as `<a href="javascript:;">` with a click handler: after the handler, the browser
 * follows that no-op URL, which CSP counts as an inline script. 'unsafe-hashes' with the hash of exactly
 * `javascript:;` lets that one string through (and nothing else: any other javascript: URL or event handler attribute
 * is still refused).
 */
const TABBAR_NOOP_URL = `'sha256-${createHash('sha256').update('javascript:;', 'utf8').digest('base64')}'`

/**
 * The security headers of every answer of the host (the H5 pages, their files, photos and the API), set by
 * helmet: a strict Content-Security-Policy — only this origin's scripts (and the build's own inline script, by
 * hash), styles, images, fonts and connections, no plugins, no framing, no <base> or form posts elsewhere — plus
 * X-Frame-Options DENY, Referrer-Policy no-referrer, X-Content-Type-Options nosniff and helmet's other defaults.
 *
 * style-src keeps 'unsafe-inline': the H5 runtime injects <style> elements (Taro's components and the app bundle, 12 on
 * the first pages, content that differs per build), which CSP counts as inline styles; without it the pages render
 * unstyled. Styles cannot run code; scripts stay strict. helmet's upgrade-insecure-requests is left out, as the host
 * itself is plain HTTP on 127.0.0.1 (HTTPS is the reverse proxy's).
 */
export function securityHeaders(scriptHashes: string[]): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...scriptHashes, "'unsafe-hashes'", TABBAR_NOOP_URL],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Everything keeps helmet's same-origin default but photo links (see sharedAcrossOrigins).
    crossOriginResourcePolicy: { policy: 'same-origin' },
  }
}

/** Photo links (`/uploads/…`) are shown by the mini program too, whose pages are not this origin. */
export function sharedAcrossOrigins(url: string): boolean {
  return url.startsWith('/uploads/')
}
