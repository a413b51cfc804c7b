// World outlines (world-atlas, Natural Earth 1:110m), loaded on first use and projected once.
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MAP_WIDTH = 960;

export interface MapShape {
  /** ISO 3166-1 numeric code (world-atlas id), or null for Kosovo, N. Cyprus, Somaliland. */
  id: string | null;
  name: string;
  d: string;
  /** Where a marker for the country goes: the centre of its largest part (mainland France, not Guiana). */
  centre: [number, number] | null;
}

export interface Atlas {
  width: number;
  height: number;
  shapes: MapShape[];
}

const ANTARCTICA = '010';
let loading: Promise<Atlas> | null = null;

export function loadAtlas(): Promise<Atlas> {
  loading ??= import('world-atlas/countries-110m.json', { with: { type: 'json' } }).then((mod) => {
    const topo = mod.default as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    const features = fc.features.filter((f) => f.id !== ANTARCTICA);
    const land: FeatureCollection = { type: 'FeatureCollection', features };
    // Fit the whole globe to the width, then crop the height to the land (Antarctica is left out).
    const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2, { type: 'Sphere' }).translate([MAP_WIDTH / 2, 0]);
    const path = geoPath(projection);
    const [[, y0], [, y1]] = path.bounds(land);
    projection.translate([MAP_WIDTH / 2, -y0 + 4]);
    const height = Math.ceil(y1 - y0) + 8;
    const centreOf = (g: Geometry): [number, number] | null => {
      const parts: Geometry[] = g.type === 'MultiPolygon' ? g.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [g];
      const largest = parts.reduce((a, b) => (path.area(b) > path.area(a) ? b : a));
      const c = path.centroid(largest);
      return Number.isFinite(c[0]) && Number.isFinite(c[1]) ? c : null;
    };
    const shapes = features
      .map((f: Feature<Geometry, { name: string }>) => ({
        id: f.id === undefined || f.id === null ? null : String(f.id),
        name: f.properties.name,
        d: path(f) ?? '',
        centre: centreOf(f.geometry),
      }))
      .filter((s) => s.d);
    return { width: MAP_WIDTH, height, shapes };
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
