// Choropleth world map: `classify` gives each country its class, colour and value (an indicator on the home
// page, the worst risk level on the portfolio overview); `bubbles` optionally adds a circle per country sized
// by a quantity (spend). Each country is a focusable link: hover or focus shows its value, click or Enter
// opens it. Countries with no value are hatched, never coloured by guesswork.
import { memo, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { FeatureMatcher, type Matchable } from '../lib/geo.ts';
import type { Classified } from '../lib/indicators.ts';
import { loadAtlas, type Atlas } from './atlas.ts';
import { Loading } from './States.tsx';

export const HATCH_ID = 'map-hatch';

interface Tip {
  /** Outline of the country under the pointer or focus, drawn on top so its border is not hidden by neighbours. */
  d: string;
  name: string;
  value: string;
  x: number;
  y: number;
}

interface ShapeView {
  key: string;
  d: string;
  name: string;
  code: string | null;
  classKey: string;
  fill: string;
  label: string;
}

export function HatchDefs({ id = HATCH_ID }: { id?: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
        <rect width="5" height="5" fill="#f1f0ec" />
        <line x1="0" y1="0" x2="0" y2="5" stroke="#bdbab3" strokeWidth="1.6" />
      </pattern>
    </defs>
  );
}

interface BubbleView {
  code: string;
  x: number;
  y: number;
  r: number;
}

const Shapes = memo(function Shapes({ shapes }: { shapes: ShapeView[] }) {
  return (
    <g className="map-countries">
      {shapes.map((s) =>
        s.code ? (
          <path
            key={s.key}
            d={s.d}
            fill={s.fill}
            data-feature=""
            data-code={s.code}
            data-name={s.name}
            data-class={s.classKey}
            data-value={s.label}
            tabIndex={0}
            role="link"
            aria-label={`${s.name}: ${s.label}`}
          />
        ) : (
          <path key={s.key} d={s.d} fill={s.fill} data-feature="" data-name={s.name} data-class="unmatched" data-value={s.label} className="unmatched" />
        ),
      )}
    </g>
  );
});

export function WorldMap<C extends Matchable>({
  countries,
  classify,
  bubbles,
  onOpen,
  label,
}: {
  countries: readonly C[];
  /** Keep it stable (useCallback): every new function reclassifies the whole map. */
  classify: (country: C) => Classified;
  /** Radius (map units) of a circle per country code, drawn at the centre of its largest part. */
  bubbles?: ReadonlyMap<string, number>;
  onOpen: (code: string) => void;
  label: string;
}) {
  const [atlas, setAtlas] = useState<Atlas | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    loadAtlas().then(
      (a) => live && setAtlas(a),
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const matcher = useMemo(() => new FeatureMatcher(countries), [countries]);
  const shapes = useMemo<ShapeView[]>(() => {
    if (!atlas) return [];
    return atlas.shapes.map((s, i) => {
      const c = matcher.match({ id: s.id, name: s.name });
      if (!c) return { key: `f${i}`, d: s.d, name: s.name, code: null, classKey: 'unmatched', fill: `url(#${HATCH_ID})`, label: 'Not in the reference data' };
      const v = classify(c);
      return { key: `f${i}`, d: s.d, name: c.name, code: c.code, classKey: v.key, fill: v.colour ?? `url(#${HATCH_ID})`, label: v.valueLabel };
    });
  }, [atlas, matcher, classify]);

  const circles = useMemo<BubbleView[]>(() => {
    if (!atlas || !bubbles) return [];
    const out: BubbleView[] = [];
    for (const s of atlas.shapes) {
      const code = matcher.match({ id: s.id, name: s.name })?.code;
      const r = code ? bubbles.get(code) : undefined;
      if (code && r && s.centre) out.push({ code, x: s.centre[0], y: s.centre[1], r });
    }
    // Largest first, so that small circles stay visible on top.
    return out.sort((a, b) => b.r - a.r);
  }, [atlas, matcher, bubbles]);

  if (failed) return <p className="state state-error">The world map could not be drawn: {failed}</p>;
  if (!atlas) return <Loading label="Drawing the map…" />;

  const place = (clientX: number, clientY: number, target: Element) => {
    const box = boxRef.current!.getBoundingClientRect();
    const el = target as SVGPathElement;
    setTip({ d: el.getAttribute('d') ?? '', name: el.dataset.name ?? '', value: el.dataset.value ?? '', x: clientX - box.left, y: clientY - box.top });
  };
  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const t = e.target as Element;
    if (t instanceof SVGPathElement && t.dataset.name !== undefined) place(e.clientX, e.clientY, t);
    else setTip(null);
  };
  const onFocus = (e: FocusEvent<SVGSVGElement>) => {
    const t = e.target;
    if (!(t instanceof SVGPathElement)) return;
    const r = t.getBoundingClientRect();
    place(r.left + r.width / 2, r.top + r.height / 2, t);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const code = (e.target as SVGElement).dataset?.code;
    if (code) onOpen(code);
  };
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const code = (e.target as SVGElement).dataset?.code;
    if (code && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      onOpen(code);
    }
  };

  const boxWidth = boxRef.current?.clientWidth ?? 0;
  const flip = tip && boxWidth > 0 && tip.x > boxWidth - 220;
  return (
    <div className="map" ref={boxRef} onMouseLeave={() => setTip(null)}>
      <svg
        viewBox={`0 0 ${atlas.width} ${atlas.height}`}
        className="map-svg"
        role="group"
        aria-label={label}
        onMouseMove={onMove}
        onFocus={onFocus}
        onBlur={() => setTip(null)}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        <HatchDefs />
        <Shapes shapes={shapes} />
        {circles.length > 0 && (
          <g className="map-bubbles" aria-hidden="true">
            {circles.map((b) => (
              <circle key={b.code} cx={b.x} cy={b.y} r={b.r} data-bubble={b.code} />
            ))}
          </g>
        )}
        {tip && <path className="map-highlight" d={tip.d} aria-hidden="true" />}
      </svg>
      {tip && (
        <div
          className="map-tooltip"
          role="tooltip"
          style={{ left: flip ? undefined : tip.x + 14, right: flip ? boxWidth - tip.x + 14 : undefined, top: tip.y + 14 }}
        >
          <strong>{tip.name}</strong>
          <span>{tip.value}</span>
        </div>
      )}
    </div>
  );
}
