import { asc, count, eq, isNull, sql } from 'drizzle-orm'
import { fail } from '../../../src/core/errors'
import { orgSchemas, type DepartmentView, type OrgResponses } from '../../../src/core/org/org.schema'
import { departments, users } from '../../db/schema'
import type { Tx } from '../../db/store'
import { defineAction, type ActionTable } from '../action'
import { inTransaction } from '../transaction'
import { audit } from './audit'
import { currentDistrict } from './district.actions'

type DepartmentRow = typeof departments.$inferSelect

function toDepartmentView(row: DepartmentRow, people = 0): DepartmentView {
  return { id: row.id, name: row.name, shortName: row.shortName, receivesEscalations: row.receivesEscalations, active: !row.deactivatedAt, people }
}

const snapshot = (row: DepartmentRow) => ({ name: row.name, shortName: row.shortName, receivesEscalations: row.receivesEscalations, active: !row.deactivatedAt })

async function peopleIn(tx: Tx, departmentId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(users).where(sql`${users.departmentId} = ${departmentId} AND ${users.deactivatedAt} IS NULL`)
  return row.n
}

/** A department that exists and takes new work, or why not. */
export async function activeDepartment(tx: Tx, id: string) {
  const [row] = await tx.select().from(departments).where(eq(departments.id, id))
  if (!row) return fail('VALIDATION_FAILED', '部门不存在')
  if (row.deactivatedAt) return fail('DEPARTMENT_INACTIVE')
  return row
}

export const departmentActions = {
  /** Department names are no secret: every signed-in role picks or reads them. */
  departments: defineAction({
    input: orgSchemas.departments,
    access: 'signedIn',
    async run({ includeInactive }, ctx): Promise<OrgResponses['departments']> {
      const people = ctx.db
        .select({ departmentId: users.departmentId, n: count().as('n') })
        .from(users)
        .where(isNull(users.deactivatedAt))
        .groupBy(users.departmentId)
        .as('people')
      const rows = await ctx.db
        .select({ department: departments, n: people.n })
        .from(departments)
        .leftJoin(people, eq(people.departmentId, departments.id))
        .where(includeInactive ? undefined : isNull(departments.deactivatedAt))
        .orderBy(sql`${departments.deactivatedAt} IS NOT NULL`, asc(departments.name))
      return { items: rows.map((row) => toDepartmentView(row.department, Number(row.n ?? 0))) }
    },
  }),

  saveDepartment: defineAction({
    input: orgSchemas.saveDepartment,
    access: ['admin'] as const,
    async run(input, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const fields = { name: input.name, shortName: input.shortName ?? null, ...(input.receivesEscalations === undefined ? {} : { receivesEscalations: input.receivesEscalations }) }
        let before: DepartmentRow | undefined
        let row: DepartmentRow
        if (input.id) {
          ;[before] = await tx.select().from(departments).where(eq(departments.id, input.id)).for('update')
          if (!before) return fail('NOT_FOUND', '部门不存在')
          ;[row] = await tx.update(departments).set(fields).where(eq(departments.id, input.id)).returning()
        } else {
          const district = await currentDistrict(tx)
          if (!district) return fail('DISTRICT_NOT_SET')
          const id = ctx.newId()
          // The code only sorts and references; departments added in the app take one from their id.
          ;[row] = await tx.insert(departments).values({ id, districtId: district.id, code: `D${id.replace(/-/g, '').slice(0, 10).toUpperCase()}`, ...fields }).returning()
        }
        await audit(tx, { actorId: ctx.caller.id, action: 'department.save', targetType: 'department', targetId: row.id, before: before ? snapshot(before) : null, after: snapshot(row), at: ctx.now })
        return { department: toDepartmentView(row, await peopleIn(tx, row.id)) } satisfies OrgResponses['saveDepartment']
      })
    },
  }),

  /** Keeps the department and its history; it gets no new problems, rosters or people. */
  deactivateDepartment: defineAction({
    input: orgSchemas.deactivateDepartment,
    access: ['admin'] as const,
    async run({ id }, ctx) {
      return inTransaction(ctx.db, async (tx) => {
        const [before] = await tx.select().from(departments).where(eq(departments.id, id)).for('update')
        if (!before) return fail('NOT_FOUND', '部门不存在')
        if (before.deactivatedAt) return { department: toDepartmentView(before, await peopleIn(tx, id)) }
        const [row] = await tx.update(departments).set({ deactivatedAt: ctx.now }).where(eq(departments.id, id)).returning()
        await audit(tx, { actorId: ctx.caller.id, action: 'department.deactivate', targetType: 'department', targetId: id, before: snapshot(before), after: snapshot(row), at: ctx.now })
        return { department: toDepartmentView(row, await peopleIn(tx, id)) } satisfies OrgResponses['deactivateDepartment']
      })
    },
  }),
} satisfies ActionTable
