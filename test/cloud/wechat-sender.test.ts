import { logSender } from '../../cloud/platform/notify/log.sender'
import type { Log } from '../../cloud/platform/notify/sender'
import { wechatHttpSender } from '../../cloud/platform/notify/wechat-http.sender'
import { WechatStub } from '../support/wechat-stub'

const OPENID = 'oAbcdEfgh1234567890_ijklmnop'
const message = { openid: OPENID, templateId: 'TPL_SIGNED', page: 'pages/problems/detail?id=1', data: { thing2: { value: '用地指标' } } }

function recordingLog(): Log & { lines: Array<{ details: object; message: string }> } {
  const lines: Array<{ details: object; message: string }> = []
  const record = (details: object, message: string) => lines.push({ details, message })
  return { lines, info: record, warn: record, error: record }
}

describe('the WeChat HTTP sender against a stand-in api.weixin.qq.com', () => {
  let stub: WechatStub
  let clock: number
  const sender = (secret = 'test-app-secret', baseUrl?: string) =>
    wechatHttpSender({ appId: 'wx0123456789abcdef', appSecret: secret, baseUrl: baseUrl ?? stub.url, miniprogramState: 'trial', log: recordingLog(), now: () => clock, timeoutMs: 2000 })

  beforeEach(async () => {
    stub = await new WechatStub().start()
    clock = Date.parse('2026-10-01T00:00:00Z')
  })
  afterEach(() => stub.stop())

  it('posts subscribeMessage.send with a stable token, fetched once and reused', async () => {
    const s = sender()
    expect(await s.send(message)).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(await s.send({ ...message, page: null })).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(stub.tokenRequests).toEqual([{ grant_type: 'client_credential', appid: 'wx0123456789abcdef', secret: 'test-app-secret', force_refresh: false }])
    expect(stub.sends.map((x) => x.token)).toEqual(['tok-1', 'tok-1'])
    expect(stub.sends[0].body).toEqual({ touser: OPENID, template_id: 'TPL_SIGNED', page: 'pages/problems/detail?id=1', data: message.data, miniprogram_state: 'trial', lang: 'zh_CN' })
    expect(stub.sends[1].body).not.toHaveProperty('page')
  })

  it('fetches a new token shortly before the old one expires', async () => {
    const s = sender()
    await s.send(message)
    clock += (7200 - 301) * 1000
    await s.send(message)
    expect(stub.tokenRequests).toHaveLength(1)
    clock += 2000
    await s.send(message)
    expect(stub.tokenRequests).toHaveLength(2)
    expect(stub.sends.map((x) => x.token)).toEqual(['tok-1', 'tok-1', 'tok-2'])
  })

  it('refreshes a token WeChat calls invalid (40001) and sends once more', async () => {
    const s = sender()
    await s.send(message)
    stub.expireToken()
    expect(await s.send(message)).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(stub.sends.map((x) => x.token)).toEqual(['tok-1', 'tok-1', 'tok-2'])
  })

  it('hands WeChat’s errcode back as it is (43101, -1) for the delivery policy to classify', async () => {
    stub.answer(43101, -1)
    const s = sender()
    expect(await s.send(message)).toEqual({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    expect(await s.send(message)).toEqual({ errcode: -1, errmsg: 'system error' })
  })

  it('never pushes to a dev-login user or anything that is not a WeChat openid', async () => {
    const result = await sender().send({ ...message, openid: 'dev:holder-demo' })
    expect(result.errcode).toBe(40003)
    expect(result.errmsg).toContain('dev-login user')
    expect(stub.sends).toEqual([])
    expect(stub.tokenRequests).toEqual([])
  })

  it('answers "no answer" (errcode null) when the token is refused or WeChat cannot be reached', async () => {
    const refused = await sender('wrong-secret').send(message)
    expect(refused).toEqual({ errcode: null, errmsg: expect.stringContaining('40125') })
    expect(stub.sends).toEqual([])
    const unreachable = await sender('test-app-secret', 'http://127.0.0.1:9').send(message)
    expect(unreachable.errcode).toBeNull()
    expect(unreachable.errmsg).toMatch(/failed/)
  })
})

describe('the local log sender', () => {
  it('writes the message as one structured line and answers success, for any openid', async () => {
    const log = recordingLog()
    expect(await logSender(log).send({ ...message, openid: 'dev:holder-demo' })).toEqual({ errcode: 0, errmsg: 'ok (local sender)' })
    expect(log.lines).toEqual([{ message: 'subscribe message (local sender, not pushed)', details: { touser: 'dev:holder-demo', templateId: 'TPL_SIGNED', page: message.page, data: message.data } }])
  })
})
