/**
 * A PDF document (a policy's attachment), judged by its structure: the `%PDF-1.x` or `%PDF-2.x` header at the start
 * and an `%%EOF` marker in its last kilobyte (where every complete PDF ends, incremental updates included). The host
 * serves it as a download (`content-disposition: attachment`, a sandboxing CSP, no sniffing), never as a page of its
 * own origin, so a PDF's scripts or an HTML polyglot cannot act there.
 */
export type CheckedPdf = { ext: 'pdf'; type: 'application/pdf'; bytes: Buffer }

const HEADER = /^%PDF-[12]\.\d/
const TAIL_BYTES = 1024

export function checkPdf(bytes: Buffer): CheckedPdf | null {
  if (bytes.length < 32 || !HEADER.test(bytes.toString('latin1', 0, 8))) return null
  if (!bytes.toString('latin1', Math.max(0, bytes.length - TAIL_BYTES)).includes('%%EOF')) return null
  return { ext: 'pdf', type: 'application/pdf', bytes }
}

export { isDocumentKey } from '../../src/core/policy/policy.limits'
