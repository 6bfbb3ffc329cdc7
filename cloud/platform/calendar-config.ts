import * as z from 'zod'
import { isIsoDate } from '../../src/core/calendar/shanghai-time'
import { jsonEnv } from './json-env'

const daySchema = z.string().refine(isIsoDate, 'not a date (YYYY-MM-DD)')

/**
 * `HOLIDAY_OVERRIDES`: JSON `{ "2027-02-08": false, "2027-02-20": true }`, false for a day off, true for a 调休
 * working day. chinese-days publishes a year some weeks after the State Council's notice (each November); until
 * then the district enters that notice's days here, and deadlines and fixed service days follow them. An override
 * also wins over the package's data.
 */
export const holidayOverridesSchema = jsonEnv(z.record(daySchema, z.boolean()))
