/** A tiny client for the host's transport contract, as the mini program's HTTP transport speaks it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON they get as they like
export interface ApiReply<T = any> {
  status: number
  body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }
}

export function apiClient(baseUrl: string) {
  async function raw(area: string, body: string, token?: string | null, contentType = 'application/json'): Promise<ApiReply> {
    const res = await fetch(`${baseUrl}/api/${area}`, {
      method: 'POST',
      headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    })
    return { status: res.status, body: await res.json() }
  }
  const call = (area: string, action: string, payload: object = {}, token?: string | null) =>
    raw(area, JSON.stringify({ action, ...payload }), token)
  /** Calls an action that must succeed and returns its data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as ApiReply
  async function data<T = any>(area: string, action: string, payload: object = {}, token?: string | null): Promise<T> {
    const reply = await call(area, action, payload, token)
    if (!reply.body.ok) throw new Error(`${area}.${action} failed: ${reply.status} ${JSON.stringify(reply.body)}`)
    return reply.body.data as T
  }
  const login = async (userKey: string): Promise<string> => (await data('auth', 'devLogin', { userKey })).token
  return { raw, call, data, login }
}

export type ApiClient = ReturnType<typeof apiClient>
