import { readConfig } from '../../cloud/config'
import { functionConfig } from '../../cloud/deploy/build'
import { localTemplates, parseWechatTemplates } from '../../cloud/platform/notify/template-config'
import { jobsOfTrigger, timerTriggerName } from '../../cloud/platform/wechat/timer'

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

describe('WECHAT_TEMPLATES', () => {
  it('reads template ids and optional field maps per notification key', () => {
    const templates = parseWechatTemplates(
      JSON.stringify({ 'problem.signed': { templateId: 'TPL_A' }, 'report.ready': { templateId: 'TPL_B', fields: { thing1: 'subject', time3: 'time' } } }),
    )
    expect(templates).toEqual({ 'problem.signed': { templateId: 'TPL_A' }, 'report.ready': { templateId: 'TPL_B', fields: { thing1: 'subject', time3: 'time' } } })
    expect(parseWechatTemplates(undefined)).toEqual({})
  })

  it.each([
    ['not JSON', '{problem.signed:', /not valid JSON/],
    ['an unknown key', '{"problem.unknown":{"templateId":"X"}}', /problem\.unknown/],
    ['an empty template id', '{"problem.signed":{"templateId":" "}}', /templateId must not be empty/],
    ['an unsupported field kind', '{"problem.signed":{"templateId":"X","fields":{"amount1":"subject"}}}', /amount1/],
    ['an unknown fact', '{"problem.signed":{"templateId":"X","fields":{"thing1":"colour"}}}', /colour/],
  ])('stops the process on %s, saying what is wrong', (_case, text, message) => {
    expect(() => parseWechatTemplates(text)).toThrow(message)
    expect(() => readConfig(env({ WECHAT_TEMPLATES: text }))).toThrow(/Invalid environment:\n {2}WECHAT_TEMPLATES/)
  })

  it('counts every key as configured for the local sender, explicit entries first', () => {
    const templates = localTemplates({ 'problem.signed': { templateId: 'TPL_A' } })
    expect(templates['problem.signed']).toEqual({ templateId: 'TPL_A' })
    expect(templates['booking.confirmed']).toEqual({ templateId: 'local:booking.confirmed' })
  })
})

describe('sender settings', () => {
  it('defaults to the local log sender and WeChat’s own API host', () => {
    expect(readConfig(env({}))).toMatchObject({ NOTIFY_SENDER: 'log', WECHAT_API_BASE: 'https://api.weixin.qq.com', WECHAT_MINIPROGRAM_STATE: 'formal' })
  })

  it('needs the app id and secret for the HTTP sender', () => {
    expect(() => readConfig(env({ NOTIFY_SENDER: 'wechat-http' }))).toThrow(/WECHAT_APPID and WECHAT_APPSECRET/)
    expect(readConfig(env({ NOTIFY_SENDER: 'wechat-http', WECHAT_APPID: 'wx1', WECHAT_APPSECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:9/' })).WECHAT_API_BASE).toBe('http://127.0.0.1:9')
  })
})

describe('cloud timer triggers', () => {
  it('recognises the timer event WeChat passes and nothing else', () => {
    expect(timerTriggerName({ Type: 'Timer', TriggerName: 'everyFiveMinutes', Time: '2026-10-01T01:00:00Z' })).toBe('everyFiveMinutes')
    expect(timerTriggerName({ Type: 'timer', TriggerName: 'deliver' })).toBe('deliver')
    expect(timerTriggerName({ action: 'run', job: 'deliver' })).toBeNull()
    expect(timerTriggerName({ Type: 'Timer' })).toBeNull()
    expect(timerTriggerName(null)).toBeNull()
  })

  it('runs every job from the bundle’s trigger, and one job from a trigger named after it', () => {
    expect(jobsOfTrigger('everyFiveMinutes')).toEqual(['serviceDays', 'overdue', 'reminders', 'contactCadence', 'policyDeadlines', 'monthlyReport', 'deliver', 'uploadCleanup'])
    expect(jobsOfTrigger('deliver')).toEqual(['deliver'])
  })

  it('gives the jobs function its one timer trigger (7-field cron) and the subscribe-message permission', () => {
    expect(functionConfig('jobs')).toEqual({
      permissions: { openapi: ['subscribeMessage.send'] },
      timeout: 60,
      triggers: [{ name: 'everyFiveMinutes', type: 'timer', config: '0 */5 * * * * *' }],
    })
    expect((functionConfig('jobs') as { triggers: Array<{ config: string }> }).triggers[0].config.split(' ')).toHaveLength(7)
    expect(functionConfig('cards')).toEqual({ permissions: { openapi: [] }, timeout: 20 })
  })
})
