/**
 * Text lengths of the org area's inputs. orgSchemas validates by them, and the admin pages size their inputs by the
 * same numbers (zod-free, as notification.limits.ts): change a limit here and both follow.
 */
export const ORG_LIMITS = {
  districtName: { min: 2, max: 30 },
  departmentName: { min: 2, max: 40 },
  departmentShortName: { min: 1, max: 12 },
  /** The name of an invited person. */
  personName: { min: 1, max: 30 },
} as const
