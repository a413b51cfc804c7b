import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGUE } from './catalogue.ts';
import { checkDefinition } from './service.ts';

test('the catalogue\'s lists are valid definitions with a source, a licence and a basis, all hard signals', () => {
  assert.deepEqual(CATALOGUE.map((l) => l.slug), ['us-dhs-uflpa', 'us-cbp-wro', 'br-mte-slavery', 'opensanctions-sanctions']);
  for (const l of CATALOGUE) {
    assert.doesNotThrow(() => checkDefinition(l), l.slug);
    assert.equal(l.signal, 'hard', l.slug);
    assert.match(l.sourceUrl ?? '', /^https:\/\//, l.slug);
    assert.ok(l.licence && l.publisher, l.slug);
  }
  const basis = (slug: string) => CATALOGUE.find((l) => l.slug === slug)!.basis;
  assert.match(basis('us-dhs-uflpa'), /19 U\.S\.C\. §1307/);
  assert.match(basis('us-dhs-uflpa'), /clear and convincing evidence/);
  // standards.md marks the 19 CFR 12.43 window ✖: the text says so.
  assert.match(basis('us-cbp-wro'), /three-month window is unverified/);
  assert.match(basis('opensanctions-sanctions'), /unverified/);
});
