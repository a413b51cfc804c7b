import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseWords, phraseKey, singular, tokenize, tokenizeWithSpans } from './normalise.ts';

test('tokens: case, accents, ligatures and punctuation folded; apostrophes kept inside words', () => {
  assert.deepEqual(tokenize('Açaí BERRIES, 10kg'), ['acai', 'berries', '10kg']);
  assert.deepEqual(tokenize('Hand-knotted rugs (wool)'), ['hand', 'knotted', 'rugs', 'wool']);
  assert.deepEqual(tokenize('Straße, Œuvre, smørrebrød, Łódź'), ['strasse', 'oeuvre', 'smorrebrod', 'lodz']);
  assert.deepEqual(tokenize("children's farmers’ feux d'artifice"), ['childrens', 'farmers', 'feux', 'dartifice']);
  assert.deepEqual(tokenize('caña de azúcar / cana-de-açúcar'), ['cana', 'de', 'azucar', 'cana', 'de', 'acucar']);
  assert.deepEqual(tokenize('T-shirts 100% cotton'), ['t', 'shirts', '100', 'cotton']);
  assert.deepEqual(tokenize('綿 cotton 🧶 yarn'), ['綿', 'cotton', 'yarn']);
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' -- '), []);
});

test('tokens keep their place in the text, so a match can quote it', () => {
  const t = tokenizeWithSpans('  Frozen  PRAWNS, 20kg');
  assert.deepEqual(t.words, ['frozen', 'prawns', '20kg']);
  assert.deepEqual(t.words.map((_, i) => '  Frozen  PRAWNS, 20kg'.slice(t.starts[i], t.ends[i])), ['Frozen', 'PRAWNS', '20kg']);
});

test('English plurals meet their singular', () => {
  const pairs: [string, string][] = [
    ['berries', 'berry'], ['strawberries', 'strawberry'], ['tomatoes', 'tomato'], ['potatoes', 'potato'], ['knives', 'knife'],
    ['leaves', 'leaf'], ['calves', 'calf'], ['glasses', 'glass'], ['matches', 'match'], ['peaches', 'peach'], ['dishes', 'dish'],
    ['boxes', 'box'], ['olives', 'olive'], ['gloves', 'glove'], ['shoes', 'shoe'], ['horseshoes', 'horseshoe'], ['bricks', 'brick'],
    ['cashews', 'cashew'], ['oxen', 'ox'], ['buffaloes', 'buffalo'], ['cases', 'case'], ['services', 'service'], ['cookies', 'cookie'],
    ['pulses', 'pulse'], ['molluscs', 'mollusc'], ['days', 'day'], ['sesame', 'sesame'],
  ];
  for (const [plural, one] of pairs) assert.equal(singular(plural), singular(one), `${plural} / ${one}`);
});

test('words that only look plural are left alone', () => {
  for (const w of ['citrus', 'glass', 'brass', 'asparagus', 'species', 'series', 'electronics', 'ceramics', 'molasses', 'christmas', 'chassis', 'fish', 'sheep', 'cattle', 'gas', 'bus', 'ss316', '10kgs']) {
    assert.equal(singular(w), w, w);
  }
});

test('phrase keys are what the map and the lines are compared on', () => {
  assert.equal(phraseKey('Cocoa Beans'), 'cocoa bean');
  assert.equal(phraseKey('cocoa bean'), 'cocoa bean');
  assert.equal(phraseKey('Bricks (clay)'), 'brick clay');
  assert.deepEqual(normaliseWords('Solar PV-Modules'), ['solar', 'pv', 'module']);
});
