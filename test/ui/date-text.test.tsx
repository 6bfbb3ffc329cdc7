import { agoText, dayLabel, dayText, momentText, slotLabel } from '@/utils/time'

/** Issue 15, defect 11: dates the Chinese way, in Asia/Shanghai whatever the phone's zone, seen from `now`. */
describe('dates as people read them', () => {
  // Wednesday 2 December 2026, 10:00 in Shanghai.
  const now = Date.parse('2026-12-02T10:00:00+08:00')

  it('a day: 12月8日 周二, and the year only when it is another one', () => {
    expect(dayLabel('2026-12-08')).toBe('12月8日 周二')
    expect(dayText('2027-01-05T02:00:00Z', now)).toBe('2027年1月5日 周二')
    expect(dayText('2026-03-10T02:00:00Z', now)).toBe('3月10日 周二')
  })

  it('near days by name, in Shanghai: 今天, 明天, 昨天', () => {
    expect(dayText('2026-12-02T01:30:00Z', now)).toBe('今天')
    // 16:30 UTC on the 2nd is already the 3rd in Shanghai.
    expect(dayText('2026-12-02T16:30:00Z', now)).toBe('明天')
    expect(dayText('2026-12-01T03:00:00Z', now)).toBe('昨天')
    expect(dayText('2026-12-08T03:00:00Z', now)).toBe('12月8日 周二')
  })

  it('a moment: 今天 14:00', () => {
    expect(momentText('2026-12-02T06:00:00Z', now)).toBe('今天 14:00')
    expect(momentText('2026-12-08T01:00:00Z', now)).toBe('12月8日 周二 09:00')
    expect(momentText('2025-12-08T01:00:00Z', now)).toBe('2025年12月8日 周一 09:00')
  })

  it('how long ago: 刚刚, 分钟, 小时, 3天前, then the day', () => {
    expect(agoText(new Date(now - 20_000), now)).toBe('刚刚')
    expect(agoText(new Date(now - 5 * 60_000), now)).toBe('5分钟前')
    expect(agoText(new Date(now - 3 * 3_600_000), now)).toBe('3小时前')
    expect(agoText('2026-11-29T09:00:00+08:00', now)).toBe('3天前')
    expect(agoText('2026-10-01T09:00:00+08:00', now)).toBe('10月1日 周四')
  })

  it('a slot', () => {
    expect(slotLabel('2026-12-08T01:00:00Z', '2026-12-08T01:30:00Z')).toBe('12月8日 周二 09:00–09:30')
  })
})
