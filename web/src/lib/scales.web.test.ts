import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOODS_SCALE, GSI_SCALE, classColour, classIndex, classLabels, validateScale } from './scales.ts';

test('classIndex puts boundary values in the upper class', () => {
  const breaks = [2, 4, 6];
  assert.equal(classIndex(0, breaks), 0);
  assert.equal(classIndex(1.99, breaks), 0);
  assert.equal(classIndex(2, breaks), 1);
  assert.equal(classIndex(5.9, breaks), 2);
  assert.equal(classIndex(6, breaks), 3);
  assert.equal(classIndex(1000, breaks), 3);
});

test('classIndex has no class for missing values', () => {
  assert.equal(classIndex(null, [1]), null);
  assert.equal(classIndex(undefined, [1]), null);
  assert.equal(classIndex(Number.NaN, [1]), null);
  assert.equal(classColour(null, GSI_SCALE), null);
});

test('the bundled scales are well formed and run light to dark', () => {
  for (const s of [GSI_SCALE, GOODS_SCALE]) {
    validateScale(s);
    const lightness = s.colours.map((c) => {
      const n = parseInt(c.slice(1), 16);
      return ((n >> 16) & 255) * 0.299 + ((n >> 8) & 255) * 0.587 + (n & 255) * 0.114;
    });
    for (let i = 1; i < lightness.length; i++) assert.ok(lightness[i]! < lightness[i - 1]!, `colour ${i} is darker than ${i - 1}`);
  }
  assert.throws(() => validateScale({ breaks: [1, 2], colours: ['#000'], step: 1 }), /needs 3 colours/);
  assert.throws(() => validateScale({ breaks: [2, 1], colours: ['#000', '#111', '#222'], step: 1 }), /ascend/);
});

test('GSI legend labels cover the classes without overlap', () => {
  assert.deepEqual(classLabels(GSI_SCALE), ['Under 2.0', '2.0–3.9', '4.0–5.9', '6.0–9.9', '10.0–19.9', '20.0 or more']);
  assert.equal(classColour(22.1, GSI_SCALE), GSI_SCALE.colours[5]);
  assert.equal(classColour(1.9, GSI_SCALE), GSI_SCALE.colours[0]);
});

test('goods-count legend labels start at zero', () => {
  assert.deepEqual(classLabels(GOODS_SCALE), ['0', '1', '2–3', '4–6', '7–10', '11 or more']);
  assert.equal(classColour(0, GOODS_SCALE), GOODS_SCALE.colours[0]);
  assert.equal(classColour(3, GOODS_SCALE), GOODS_SCALE.colours[2]);
  assert.equal(classColour(23, GOODS_SCALE), GOODS_SCALE.colours[5]);
});
