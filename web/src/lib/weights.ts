// The risk-weights form: weights flattened to one row each ("ilab.forcedLabour"), compared with the
// defaults, checked, and rebuilt in the shape the server sent. Pure.
import type { z } from 'zod';
import type { AssessmentReport } from '../../../src/suppliers/api-schema.ts';

/** A weights object as the API sends it: numbers, possibly grouped in objects. */
export type WeightTree = { [key: string]: number | WeightTree };

export interface WeightsAnswer {
  weights: WeightTree;
  defaults: WeightTree;
  explanation: { key: string; label: string; why: string }[];
}

/** What saving (PUT /risk/weights) or a reassessment (POST /assessments) reports. */
export type Reassessment = z.infer<typeof AssessmentReport>;

/** { a: { b: 1 }, c: 2 } → { 'a.b': 1, c: 2 }, in the object's own order. */
export function flattenWeights(tree: WeightTree, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[key] = v;
    else if (v && typeof v === 'object') Object.assign(out, flattenWeights(v, key));
  }
  return out;
}

/** Puts flat values back into the shape of `template` (keys the template lacks are ignored). */
export function unflattenWeights(template: WeightTree, values: Readonly<Record<string, number>>, prefix = ''): WeightTree {
  const out: WeightTree = {};
  for (const [k, v] of Object.entries(template)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'number') out[k] = values[key] ?? v;
    else out[k] = unflattenWeights(v, values, key);
  }
  return out;
}

export interface WeightRow {
  key: string;
  /** The part of the weights it belongs to, for a heading: its first key ("ilab" of "ilab.forcedLabour"). */
  group: string;
  label: string;
  why: string;
  value: number;
  defaultValue: number | null;
  changed: boolean;
}

function humanise(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One row per weight, in the explanation's order and then the rest, each with its default and reason. */
export function weightRows(answer: WeightsAnswer): WeightRow[] {
  const values = flattenWeights(answer.weights);
  const defaults = flattenWeights(answer.defaults);
  const explained = new Map(answer.explanation.map((e) => [e.key, e]));
  const keys = [...answer.explanation.map((e) => e.key).filter((k) => k in values), ...Object.keys(values).filter((k) => !explained.has(k))];
  return keys.map((key) => {
    const e = explained.get(key);
    const value = values[key]!;
    const defaultValue = defaults[key] ?? null;
    const group = key.includes('.') ? key.slice(0, key.indexOf('.')) : '';
    return { key, group, label: e?.label ?? humanise(key), why: e?.why ?? '', value, defaultValue, changed: defaultValue !== null && defaultValue !== value };
  });
}

const GROUP_LABELS: Record<string, string> = {
  points: 'Share of the score',
  ilab: 'ILAB listings',
  tiers: 'TIP tiers',
  sectors: 'Sectors',
  levels: 'Where each level starts',
  severity: 'Severity, for the priority',
};

/** Heading of a group of weights; weights outside any group fall under "Other weights". */
export function groupLabel(group: string): string {
  return GROUP_LABELS[group] ?? (group ? humanise(group) : 'Other weights');
}

/** The form's text of each weight. */
export type WeightDraft = Record<string, string>;

export function draftOf(values: Readonly<Record<string, number>>): WeightDraft {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
}

/** Checks the typed weights: each a number, zero or more. Errors are keyed by weight. */
export function parseWeights(draft: WeightDraft): { values: Record<string, number> | null; errors: Record<string, string> } {
  const values: Record<string, number> = {};
  const errors: Record<string, string> = {};
  for (const [key, text] of Object.entries(draft)) {
    const t = text.trim().replace(',', '.');
    const n = t === '' ? Number.NaN : Number(t);
    if (!Number.isFinite(n)) errors[key] = 'Enter a number, such as 0.5 or 20.';
    else if (n < 0) errors[key] = 'A weight cannot be negative.';
    else values[key] = n;
  }
  return Object.keys(errors).length ? { values: null, errors } : { values, errors };
}

/** The weights whose value differs between two flat sets: what a save changes. */
export function changedWeights(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): string[] {
  return Object.keys(after).filter((k) => before[k] !== after[k]);
}
