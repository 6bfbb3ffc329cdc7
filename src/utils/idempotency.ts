/**
 * A client-generated idempotency key: 16+ characters of [a-z0-9], as the shared schema wants ([A-Za-z0-9_-]{8,64}).
 * A form keeps its key across retries of the same submission, so a request that reached the server before the network
 * failed returns the first result instead of booking twice.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = ''
  while (tail.length < 12) tail += Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')
  return `${now.toString(36)}${tail.slice(0, 12)}`
}

export interface PendingKey {
  key: string
  fingerprint: string
}

/**
 * Holds one key per submission: the same key while the content is the same (a retry), a fresh one when the content
 * changed or after a success.
 */
export class IdempotencyKeeper {
  private key: string | null = null
  private fingerprint: string | null = null

  keyFor(content: unknown): string {
    const fingerprint = JSON.stringify(content)
    if (!this.key || fingerprint !== this.fingerprint) {
      this.key = newIdempotencyKey()
      this.fingerprint = fingerprint
    }
    return this.key
  }

  /** The key sent and the content it was for, kept with a saved draft so a retry after a restart sends it again. */
  get pending(): PendingKey | null {
    return this.key && this.fingerprint ? { key: this.key, fingerprint: this.fingerprint } : null
  }

  resume(pending: PendingKey): void {
    this.key = pending.key
    this.fingerprint = pending.fingerprint
  }

  /** After a success: the next submission is a new one. */
  done(): void {
    this.key = null
    this.fingerprint = null
  }
}
