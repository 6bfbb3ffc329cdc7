import { distanceKm, sortByNearest } from './station.geo'

const tiananmen = { latitude: 39.9087, longitude: 116.3975 }
const sanhe = { latitude: 39.9827, longitude: 117.0786 } // 三河市政府, about 58 km east
const weihai = { latitude: 37.5131, longitude: 122.1204 } // 威海环翠区

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    expect(distanceKm(tiananmen, tiananmen)).toBe(0)
    expect(distanceKm(tiananmen, sanhe)).toBeCloseTo(distanceKm(sanhe, tiananmen), 9)
  })

  it('matches known distances', () => {
    // One degree of longitude on the equator.
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(111.195, 2)
    expect(distanceKm(tiananmen, sanhe)).toBeGreaterThan(55)
    expect(distanceKm(tiananmen, sanhe)).toBeLessThan(60)
    expect(distanceKm(tiananmen, weihai)).toBeGreaterThan(540)
    expect(distanceKm(tiananmen, weihai)).toBeLessThan(570)
  })

  it('stays finite for antipodes and across the date line', () => {
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3)
    expect(distanceKm({ latitude: 0, longitude: 179.5 }, { latitude: 0, longitude: -179.5 })).toBeCloseTo(111.195, 2)
  })
})

describe('sortByNearest', () => {
  const stations = [
    { name: '威海', ...weihai },
    { name: '三河', ...sanhe },
    { name: '天安门', ...tiananmen },
    { name: '三河(二)', ...sanhe },
  ]

  it('orders nearest first with the distance attached, keeping input order on ties', () => {
    const sorted = sortByNearest(stations, { latitude: 39.98, longitude: 117.07 }, (s) => s)
    expect(sorted.map((s) => s.item.name)).toEqual(['三河', '三河(二)', '天安门', '威海'])
    expect(sorted[0].distanceKm).toBeLessThan(1)
    expect(sorted[0].distanceKm).toBe(sorted[1].distanceKm)
  })

  it('does not change its input and handles an empty list', () => {
    const before = stations.map((s) => s.name)
    sortByNearest(stations, weihai, (s) => s)
    expect(stations.map((s) => s.name)).toEqual(before)
    expect(sortByNearest([], weihai, (s: { latitude: number; longitude: number }) => s)).toEqual([])
  })
})
