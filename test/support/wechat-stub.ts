import Fastify, { type FastifyInstance } from 'fastify'

/** One request the stub received at subscribeMessage.send. */
export interface StubSend {
  token: string
  body: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }>; miniprogram_state?: string; lang?: string }
}

/**
 * A stand-in for api.weixin.qq.com — an external system the backend talks to over HTTP: hands out access tokens
 * (tok-1, tok-2 … from /cgi-bin/stable_token) and answers subscribe-message sends from a script of errcodes (0 once
 * the script is used up). `expireToken` makes the current token answer 40001, as WeChat does for a revoked one.
 */
export class WechatStub {
  readonly sends: StubSend[] = []
  readonly tokenRequests: Array<{ appid: string; secret: string; force_refresh?: boolean }> = []
  readonly loginRequests: Array<{ appid?: string; secret?: string; js_code?: string; grant_type?: string }> = []
  /** A wx.login code works once, as WeChat's does. */
  private readonly usedCodes = new Set<string>()
  private answers: number[] = []
  private tokenSerial = 0
  private revoked = new Set<string>()
  private app: FastifyInstance | null = null
  url = ''

  /** What a host needs to sign people in through this stand-in (the app credentials the login tests expect). */
  get hostEnv(): { WECHAT_API_BASE: string; WECHAT_APPID: string; WECHAT_APPSECRET: string } {
    return { WECHAT_API_BASE: this.url, WECHAT_APPID: 'test-appid', WECHAT_APPSECRET: 'test-app-secret' }
  }

  async start(): Promise<this> {
    const app = Fastify({ logger: false })
    app.post('/cgi-bin/stable_token', async (request) => {
      const body = request.body as { appid: string; secret: string; force_refresh?: boolean }
      this.tokenRequests.push(body)
      if (body.secret !== 'test-app-secret') return { errcode: 40125, errmsg: 'invalid appsecret' }
      this.tokenSerial += 1
      return { access_token: `tok-${this.tokenSerial}`, expires_in: 7200 }
    })
    // wx.login codes: `bad-code` is invalid (40029), `busy-code` is rate limited (45011); any other code `<account>` or
    // `<account>_<n>` signs in the WeChat account `openid-<account>` (each wx.login gives a new code for the same account).
    app.get('/sns/jscode2session', async (request) => {
      const query = request.query as { appid?: string; secret?: string; js_code?: string; grant_type?: string }
      this.loginRequests.push(query)
      if (query.secret !== 'test-app-secret') return { errcode: 40125, errmsg: 'invalid appsecret' }
      if (query.grant_type !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' }
      if (query.js_code === 'bad-code' || this.usedCodes.has(query.js_code ?? '')) return { errcode: 40029, errmsg: 'invalid code' }
      if (query.js_code === 'busy-code') return { errcode: 45011, errmsg: 'api minute-quota reach limit' }
      this.usedCodes.add(query.js_code ?? '')
      return { openid: `openid-${(query.js_code ?? '').split('_')[0]}`, session_key: `secret-session-key-${query.js_code}` }
    })
    app.post('/cgi-bin/message/subscribe/send', async (request) => {
      const token = (request.query as { access_token?: string }).access_token ?? ''
      this.sends.push({ token, body: request.body as StubSend['body'] })
      if (this.revoked.has(token) || !token.startsWith('tok-')) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
      const errcode = this.answers.shift() ?? 0
      return { errcode, errmsg: errcode === 0 ? 'ok' : errcode === 43101 ? 'user refuse to accept the msg' : errcode === -1 ? 'system error' : `error ${errcode}` }
    })
    this.url = await app.listen({ port: 0, host: '127.0.0.1' })
    this.app = app
    return this
  }

  /** The next sends answer these errcodes, in order. */
  answer(...errcodes: number[]): void {
    this.answers.push(...errcodes)
  }

  /** The newest token stops working (40001) until a new one is fetched. */
  expireToken(): void {
    this.revoked.add(`tok-${this.tokenSerial}`)
  }

  sendsTo(openid: string): StubSend[] {
    return this.sends.filter((s) => s.body.touser === openid)
  }

  async stop(): Promise<void> {
    await this.app?.close()
  }
}
