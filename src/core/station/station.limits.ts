/**
 * Text lengths of the stations area's inputs. stationSchemas validates by them, and the admin pages size their inputs
 * by the same numbers (zod-free, as notification.limits.ts): change a limit here and both follow.
 */
export const STATION_LIMITS = {
  name: { min: 2, max: 60 },
  /** 所属区域, also the filter of stations.list. */
  area: { min: 1, max: 50 },
  address: { min: 2, max: 200 },
  /** Why a session is cancelled (sent to the holders who booked it). */
  cancelReason: { min: 2, max: 200 },
} as const
