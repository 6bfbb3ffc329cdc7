import { count } from 'drizzle-orm'
import type { Role } from '../../src/core/auth/roles'
import { addDays, shanghaiDate, shanghaiInstant } from '../../src/core/calendar/shanghai-time'
import { planFixedDaySessions } from '../../src/core/station/session.plan'
import { FIXED_DAY_WEEKS } from '../functions/stations/fixed-days'
import { createSession } from '../functions/stations/stations.queries'
import { seedForums } from './seed-forums'
import { seedPolicies } from './seed-policies'
import { seedSurveys } from './seed-surveys'
import { cardEvents, cards, commissionerAssignments, departments, districts, fixedDays, holders, stations, users, visits } from './schema'
import type { Db } from './store'

/** Demo users of DESIGN.md §3; they exist only where dev login is enabled. */
export const DEMO_USERS: ReadonlyArray<{ key: string; name: string; roles: Role[]; department?: string }> = [
  { key: 'holder-demo', name: '张海（威海海川科技）', roles: ['holder'] },
  { key: 'holder-other', name: '李静（环翠蓝海食品）', roles: ['holder'] },
  { key: 'staff-demo', name: '王芳（流动站）', roles: ['staff'], department: 'XZSP' },
  { key: 'handler-demo', name: '刘强（自然资源局）', roles: ['handler'], department: 'ZRZY' },
  // The department of staff-demo: a bad rating of a station visit lands here (好差评 rectification).
  { key: 'handler-approval', name: '陈静（行政审批局）', roles: ['handler'], department: 'XZSP' },
  { key: 'commissioner-demo', name: '陈明（特派员）', roles: ['commissioner'] },
  { key: 'leader-demo', name: '赵书记（区领导）', roles: ['leader'] },
  { key: 'admin-demo', name: '孙磊（政务服务中心管理办公室）', roles: ['admin'] },
]

const DEPARTMENTS: Array<[code: string, name: string]> = [
  ['XZSP', '区行政审批服务局'],
  ['FGJ', '区发展和改革局'],
  ['ZRZY', '区自然资源局'],
  ['HBJ', '市生态环境局环翠分局'],
  ['RSJ', '区人力资源和社会保障局'],
  ['CZJ', '区财政局'],
  ['KJJ', '区科学技术局'],
  ['ZJJ', '区住房和城乡建设局'],
  ['ZZB', '区委组织部'],
  ['DCS', '区委区政府督查室'],
]

/** The organisation department and the supervision office: commissioners' special reports (专报) go to them. */
const ESCALATION_CODES = ['ZZB', 'DCS']

/** Known activation code of a pending demo card, printed in the README so a newcomer can try activation. */
export const DEMO_ACTIVATION_CODE = 'DEMO-TALE-NT26'

/**
 * Loads a small district on first start: departments, two stations, the demo users and a few card holders. Does
 * nothing when a district exists already, so restarts keep what people changed.
 */
export async function seedDemo(db: Db, deps: { newId: () => string; now: Date; hash: (code: string) => string }) {
  const [{ n }] = await db.select({ n: count() }).from(districts)
  if (n > 0) return false
  const { newId, now } = deps
  await db.transaction(async (tx) => {
    const districtId = newId()
    await tx.insert(districts).values({ id: districtId, name: '环翠区' })
    const departmentIds = new Map(DEPARTMENTS.map(([code]) => [code, newId()]))
    await tx.insert(departments).values(
      DEPARTMENTS.map(([code, name]) => ({ id: departmentIds.get(code)!, districtId, name, code, receivesEscalations: ESCALATION_CODES.includes(code) })),
    )
    const [centre, zhangcun] = [newId(), newId()]
    await tx.insert(stations).values([
      { id: centre, districtId, name: '环翠区政务服务中心流动站', area: '鲸园街道', address: '威海市环翠区新威路17号', latitude: 37.5131, longitude: 122.1206, phone: '0631-5225000' },
      { id: zhangcun, districtId, name: '张村镇流动政务服务站', area: '张村镇', address: '威海市环翠区张村镇政府一楼', latitude: 37.4817, longitude: 122.0601, phone: '0631-5301234' },
    ])
    const userIds = new Map(DEMO_USERS.map((u) => [u.key, newId()]))
    await tx.insert(users).values(
      DEMO_USERS.map((u) => ({
        id: userIds.get(u.key)!,
        openid: `dev:${u.key}`,
        name: u.name,
        roles: u.roles,
        departmentId: u.department ? departmentIds.get(u.department)! : null,
      })),
    )
    const adminId = userIds.get('admin-demo')!
    const staffIds = [userIds.get('staff-demo')!]
    const today = shanghaiDate(now)
    const fixedDaysOfDemo = [
      { stationId: centre, weekday: 2, start: '09:00', end: '11:30', slotMinutes: 30, capacity: 5, departments: ['XZSP', 'FGJ', 'ZRZY'] },
      { stationId: zhangcun, weekday: 4, start: '14:00', end: '16:30', slotMinutes: 30, capacity: 4, departments: ['XZSP', 'RSJ', 'HBJ'] },
    ]
    for (const fixed of fixedDaysOfDemo) {
      const fixedDayId = newId()
      const departmentIdsOfDay = fixed.departments.map((code) => departmentIds.get(code)!)
      await tx.insert(fixedDays).values({
        id: fixedDayId,
        stationId: fixed.stationId,
        weekday: fixed.weekday,
        startTime: fixed.start,
        endTime: fixed.end,
        slotMinutes: fixed.slotMinutes,
        capacity: fixed.capacity,
        validFrom: today,
        validTo: addDays(today, 180),
        departmentIds: departmentIdsOfDay,
        staffIds,
        createdBy: adminId,
      })
      const planned = planFixedDaySessions({ ...fixed, validFrom: today, validTo: addDays(today, 180) }, { from: today, weeks: FIXED_DAY_WEEKS })
      for (const session of planned) {
        await createSession(tx, { ...fixed, ...session, kind: 'station', departmentIds: departmentIdsOfDay, staffIds, fixedDayId, createdBy: adminId }, newId)
      }
    }
    // A 政银企保对接 session tomorrow, so there is always something to book in the demo.
    await createSession(
      tx,
      { stationId: centre, kind: 'finance', date: addDays(today, 1), start: '14:00', end: '16:00', slotMinutes: 30, capacity: 6, departmentIds: [departmentIds.get('CZJ')!], staffIds, fixedDayId: null, createdBy: adminId },
      newId,
    )
    const demoHolders = [
      { user: 'holder-demo', type: 'enterprise', name: '威海海川科技有限公司', creditCode: '91371002MA3C5XL841', basis: 'high_tech', detail: '高新技术企业证书 GR202437000123', contact: ['张海', '13906311234'] },
      { user: 'holder-other', type: 'enterprise', name: '环翠蓝海食品有限公司', creditCode: '91371002MA3DKQ2X12', basis: 'tax_over_10m', detail: '2025年度区级税收1260万元', contact: ['李静', '13806315678'] },
      { user: null, type: 'project', name: '威海港综合物流园二期', creditCode: null, basis: 'key_project_industry', detail: '2026年区级重点产业项目（社会投资）', contact: ['周涛', '13706319876'] },
      { user: null, type: 'talent', name: '吴晓（海洋生物医药）', creditCode: null, basis: 'certified_talent', detail: '威海市高层次人才B类 2025-0042', contact: ['吴晓', '13606314321'] },
    ] as const
    let sequence = 0
    const holderOfUser = new Map<string, string>()
    const commissionerId = userIds.get('commissioner-demo')!
    for (const h of demoHolders) {
      const holderId = newId()
      if (h.user) holderOfUser.set(h.user, holderId)
      await tx.insert(holders).values({
        id: holderId,
        type: h.type,
        name: h.name,
        creditCode: h.creditCode,
        qualificationBasis: h.basis,
        qualificationDetail: h.detail,
        contactName: h.contact[0],
        contactPhone: h.contact[1],
      })
      // The commissioner looks after the demo enterprise and the key project.
      if (h.user === 'holder-demo' || h.type === 'project') {
        await tx.insert(commissionerAssignments).values({ commissionerId, holderId, assignedAt: now })
      }
      const cardId = newId()
      const active = h.user !== null
      sequence += 1
      await tx.insert(cards).values({
        id: cardId,
        number: `${{ enterprise: 'E', project: 'P', talent: 'T' }[h.type]}${now.getUTCFullYear()}D${String(sequence).padStart(5, '0')}`,
        type: h.type,
        holderId,
        status: active ? 'active' : 'pending',
        userId: active ? userIds.get(h.user)! : null,
        activationCodeHash: deps.hash(h.type === 'talent' ? DEMO_ACTIVATION_CODE : `DEMO-SEED-${sequence}`),
        activationUsedAt: active ? now : null,
        issuedBy: adminId,
        issuedAt: now,
        activatedAt: active ? now : null,
        updatedAt: now,
      })
      await tx.insert(cardEvents).values({ cardId, actorId: adminId, action: 'issue', toStatus: 'pending', at: now, reason: '演示数据' })
      if (active) {
        await tx.insert(cardEvents).values({ cardId, actorId: userIds.get(h.user)!, action: 'activate', fromStatus: 'pending', toStatus: 'active', at: now })
      }
      // Yesterday's station day, where staff-demo checked holder-demo in: the demo's 待评价 list is not empty.
      if (h.user === 'holder-demo') {
        const yesterday = addDays(today, -1)
        const sessionId = await createSession(
          tx,
          { stationId: centre, kind: 'station', date: yesterday, start: '09:00', end: '11:30', slotMinutes: 30, capacity: 5, departmentIds: [departmentIds.get('XZSP')!], staffIds, fixedDayId: null, createdBy: adminId },
          newId,
        )
        if (typeof sessionId === 'string') {
          await tx.insert(visits).values({
            id: newId(),
            sessionId,
            cardId,
            holderId,
            userId: userIds.get(h.user)!,
            checkedInBy: userIds.get('staff-demo')!,
            checkedInAt: shanghaiInstant(yesterday, '09:20'),
          })
        }
      }
    }
    await seedPolicies(tx, { newId, now, adminId, departmentIds, userIds, holderOfUser })
    await seedSurveys(tx, { newId, now, adminId, departmentIds, userIds, holderOfUser })
    await seedForums(tx, { newId, now, today, adminId, stationId: centre, departmentIds })
  })
  return true
}
