/**
 * The full text of a policy is rich text kept safe by a strict allow-list, applied on the way in (policies.save): the
 * stored HTML holds only the tags below, without attributes except an http(s) link's href, and every other character
 * as text. Anything else is dropped: script, style and embedded documents with their content; comments; other tags
 * (their text stays); event handlers, styles and classes.
 *
 * Our own allow-list instead of a library: the policies cloud function carries the problem ledger's submit use case
 * (policies.ask) and the budget of a function is 560 KB, of which the problems code already takes 513 KB; sanitize-html
 * brings postcss and htmlparser2 (well over the remaining 47 KB). Safety does not depend on parsing HTML the way a
 * browser would: the output's only markup is what this file writes, and every `<`, `>` and `"` of the input reaches
 * the output escaped.
 *
 * Pure, no DOM: the mini program's rich-text component and the H5 page show the stored HTML as it is.
 */

const ALLOWED = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a'])
const VOID = new Set(['br'])
/** Tags whose content is not text to read: dropped with everything inside. */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'textarea', 'select', 'svg', 'math', 'title', 'head', 'frameset', 'noembed', 'xmp', 'plaintext'])
/** Headings of a pasted document become the two levels kept. */
const RENAMED: Record<string, string> = { h1: 'h3', h2: 'h3', h5: 'h4', h6: 'h4' }

const TAG_RE = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/
const ENTITY_RE = /^&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/
const HREF_RE = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
/** A link kept: http(s) only, and only characters that cannot start an entity or break out of the attribute. */
const SAFE_URL_RE = /^https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$()*+,;=%]+$/

function escapeText(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '<') out += '&lt;'
    else if (c === '>') out += '&gt;'
    else if (c === '"') out += '&quot;'
    else if (c === '&') {
      // A character reference stays as written (&nbsp; &#8226;); a bare ampersand is escaped.
      const entity = ENTITY_RE.exec(text.slice(i))
      out += entity ? entity[0] : '&amp;'
      if (entity) i += entity[0].length - 1
    } else out += c
  }
  return out
}

function openTag(name: string, attributes: string): string {
  if (name !== 'a') return `<${name}>`
  const match = HREF_RE.exec(attributes)
  const href = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim()
  return SAFE_URL_RE.test(href) ? `<a href="${href}">` : '<a>'
}

/** Whether the text holds markup at all: plain text is turned into paragraphs instead. */
function looksLikeHtml(input: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^>]*)?\/?>/.test(input)
}

/** Plain text (no tags): one paragraph per non-empty line, escaped. */
function paragraphs(input: string): string {
  return input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeText(line)}</p>`)
    .join('')
}

/** Output holding a block of its own: it is laid out as written; otherwise its lines are its paragraphs. */
const BLOCK_RE = /<(p|br|h3|h4|ul|ol|li|blockquote|table)>/

/**
 * The safe HTML of a policy's full text, from HTML or from plain text with line breaks. Text with only inline markup
 * (a pasted line with a link or bold words) keeps its lines as paragraphs, as plain text does: the mini program's
 * rich-text would run them together.
 */
export function sanitizeRichText(input: string): string {
  if (!looksLikeHtml(input)) return paragraphs(input)
  const html = sanitizeHtml(input)
  if (BLOCK_RE.test(html)) return html
  return html
    .split(/\r?\n/)
    .map((line) => sanitizeHtml(line).trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${line}</p>`)
    .join('')
}

/** HTML through the allow-list; tags split across lines by the caller are balanced again. */
function sanitizeHtml(input: string): string {
  let out = ''
  const open: string[] = []
  let i = 0
  while (i < input.length) {
    const lt = input.indexOf('<', i)
    if (lt < 0) {
      out += escapeText(input.slice(i))
      break
    }
    out += escapeText(input.slice(i, lt))
    const rest = input.slice(lt)
    if (rest.startsWith('<!--')) {
      const end = input.indexOf('-->', lt + 4)
      i = end < 0 ? input.length : end + 3
      continue
    }
    if (rest.startsWith('<!') || rest.startsWith('<?')) {
      const end = input.indexOf('>', lt)
      i = end < 0 ? input.length : end + 1
      continue
    }
    const tag = TAG_RE.exec(rest)
    if (!tag) {
      out += '&lt;'
      i = lt + 1
      continue
    }
    i = lt + tag[0].length
    const closing = tag[1] === '/'
    const raw = tag[2].toLowerCase()
    if (DROPPED_WITH_CONTENT.has(raw)) {
      if (!closing) {
        const end = new RegExp(`</${raw}\\s*>`, 'i').exec(input.slice(i))
        i = end ? i + end.index + end[0].length : input.length
      }
      continue
    }
    const name = RENAMED[raw] ?? raw
    if (!ALLOWED.has(name)) continue
    if (VOID.has(name)) {
      out += `<${name}>`
    } else if (!closing) {
      out += openTag(name, tag[3])
      open.push(name)
    } else {
      const at = open.lastIndexOf(name)
      if (at < 0) continue
      // Closing an outer tag closes what is still open inside it.
      while (open.length > at) out += `</${open.pop()}>`
    }
  }
  while (open.length > 0) out += `</${open.pop()}>`
  return out
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' }

/** The words of (sanitised) HTML, for search and previews: tags removed, common references decoded, spaces collapsed. */
export function richTextToPlain(html: string): string {
  return html
    .replace(/<\/(p|h3|h4|li|tr|blockquote)>|<br>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
        return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ''
      }
      return NAMED[ref] ?? whole
    })
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim()
}
