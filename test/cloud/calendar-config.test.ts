import { readConfig, readRuleSettings } from '../../cloud/config'

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

describe('HOLIDAY_OVERRIDES', () => {
  it('reads days off and 调休 working days from JSON', () => {
    const text = JSON.stringify({ '2027-02-08': false, '2027-02-20': true })
    expect(readConfig(env({ HOLIDAY_OVERRIDES: text })).HOLIDAY_OVERRIDES).toEqual({ '2027-02-08': false, '2027-02-20': true })
    // The cloud functions read the same settings from their environment.
    expect(readRuleSettings(env({ HOLIDAY_OVERRIDES: text, BOOKING_MIN_NOTICE_MINUTES: '60' }))).toEqual({
      minNoticeMinutes: 60,
      calendar: { overrides: { '2027-02-08': false, '2027-02-20': true } },
    })
    expect(readRuleSettings(env({ HOLIDAY_OVERRIDES: '' }))).toEqual({ minNoticeMinutes: 120, calendar: { overrides: undefined } })
  })

  it('stops the process on anything else, naming the entry', () => {
    expect(() => readConfig(env({ HOLIDAY_OVERRIDES: '{"2027-02-30": false}' }))).toThrow(/HOLIDAY_OVERRIDES: 2027-02-30/)
    expect(() => readConfig(env({ HOLIDAY_OVERRIDES: '{"2027-02-08": "off"}' }))).toThrow(/HOLIDAY_OVERRIDES: .*2027-02-08/)
    expect(() => readConfig(env({ HOLIDAY_OVERRIDES: 'Feb 8' }))).toThrow(/HOLIDAY_OVERRIDES: not valid JSON/)
    expect(() => readRuleSettings(env({ HOLIDAY_OVERRIDES: '[1]' }))).toThrow(/HOLIDAY_OVERRIDES/)
  })
})
