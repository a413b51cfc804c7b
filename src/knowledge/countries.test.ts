import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundledCountries } from './compiled-files.ts';

const countries = bundledCountries();

function code(input: string): string | null {
  return countries.code(input);
}

test('resolves the spellings publishers use', () => {
  const cases: [string, string][] = [
    ['Burma', 'MM'],
    ['Myanmar', 'MM'],
    ['Türkiye', 'TR'],
    ['turkiye', 'TR'],
    ['TURKEY', 'TR'],
    ['Turkey (Türkiye)', 'TR'],
    ['Ivory Coast', 'CI'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote D’Ivoire', 'CI'],
    ['cote divoire', 'CI'],
    ['Congo (ROC)', 'CG'],
    ['Congo (Brazzaville)', 'CG'],
    ['Republic of the Congo', 'CG'],
    ['Congo (DRC)', 'CD'],
    ['Congo, Democratic Republic of the', 'CD'],
    ['DR Congo', 'CD'],
    ['Korea, South', 'KR'],
    ['Korea, North', 'KP'],
    ['DPRK', 'KP'],
    ['Lao PDR', 'LA'],
    ['Kosovo', 'XK'],
    ['USA', 'US'],
    ['United States of America', 'US'],
    ['UK', 'GB'],
    ['Viet Nam', 'VN'],
    ['Kyrgyz Republic', 'KG'],
    ['The Gambia', 'GM'],
    ['Bahamas, The', 'BS'],
    ['St Vincent & Gren', 'VC'],
    ['Curacao', 'CW'],
  ];
  for (const [input, expected] of cases) assert.equal(code(input), expected, input);
});

test('resolves alpha-2, alpha-3 and numeric codes', () => {
  assert.deepEqual(countries.resolve('br'), { ok: true, code: 'BR', name: 'Brazil', matchedBy: 'alpha2' });
  assert.equal(code('BRA'), 'BR');
  assert.equal(code('mmr'), 'MM');
  assert.equal(code('XKX'), 'XK');
  assert.equal(code('076'), 'BR');
  assert.equal(code('76'), 'BR');
  const byNumeric = countries.resolve('840');
  assert.ok(byNumeric.ok && byNumeric.matchedBy === 'numeric' && byNumeric.code === 'US');
});

test('ignores case and accents', () => {
  assert.equal(code('CURAÇAO'), 'CW');
  assert.equal(code('côte d’ivoire'), 'CI');
  assert.equal(code('  brazil '), 'BR');
  assert.equal(code('SAO TOME AND PRINCIPE'), 'ST');
  assert.equal(code('São Tomé and Príncipe'), 'ST');
});

test('plain "Congo" names two countries, so it is not resolved', () => {
  const r = countries.resolve('Congo');
  assert.equal(r.ok, false);
});

test('an unknown name gives a reason and near names', () => {
  const r = countries.resolve('Brazl');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.match(r.reason, /unknown country "Brazl"/);
  assert.deepEqual(r.suggestions[0], { code: 'BR', name: 'Brazil' });
  const nothing = countries.resolve('Atlantis');
  assert.equal(nothing.ok, false);
  assert.equal(countries.resolve('').ok, false);
});

test('the list has every ISO country plus Kosovo, which has no numeric code', () => {
  assert.ok(countries.countries.length >= 250);
  const xk = countries.get('XK');
  assert.deepEqual(xk && { alpha3: xk.alpha3, numeric: xk.numeric }, { alpha3: 'XKX', numeric: null });
});
