/** Great-circle distances for "nearest station first". Coordinates are WGS-84/GCJ-02 degrees as the map gives them. */

export interface GeoPoint {
  latitude: number
  longitude: number
}

// Mean Earth radius (IUGG). Haversine on a sphere is within 0.5% of the ellipsoid: plenty to rank stations in a district.
const EARTH_RADIUS_KM = 6371.0088

const radians = (degrees: number) => (degrees * Math.PI) / 180

export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Items ordered by distance from `origin`, nearest first, each with its distance. Equal distances keep their input
 * order (e.g. two sessions of the same station stay in date order).
 */
export function sortByNearest<T>(
  items: readonly T[],
  origin: GeoPoint,
  pointOf: (item: T) => GeoPoint,
): Array<{ item: T; distanceKm: number }> {
  return items
    .map((item, index) => ({ item, distanceKm: distanceKm(origin, pointOf(item)), index }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.index - b.index)
    .map(({ item, distanceKm }) => ({ item, distanceKm }))
}
