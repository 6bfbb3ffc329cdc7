import type { ActionTable } from '../action'
import { auditActions } from './audit.actions'
import { calendarActions } from './calendar.actions'
import { commissionerAssignmentActions } from './commissioners.actions'
import { departmentActions } from './departments.actions'
import { districtActions } from './district.actions'
import { peopleActions } from './people.actions'

/** The district's set-up (area `org`): district, departments, people and invitations, commissioners, calendar, audit. */
export const orgActions = {
  ...districtActions,
  ...departmentActions,
  ...peopleActions,
  ...commissionerAssignmentActions,
  ...calendarActions,
  ...auditActions,
} satisfies ActionTable
