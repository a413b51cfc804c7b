// compare(): the hard cases an analyst meets — transliterated Chinese and Cyrillic company names, Arabic and Greek
// script, reordered person names, initials, spacing, shared legal forms, the same name in another country,
// identifiers, birth dates, persons versus companies — and the explanation that adds up to the score.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare, DEFAULT_THRESHOLD } from './index.ts';
import type { MatchEntity, MatchResult } from './types.ts';

const company = (name: string, extra: Partial<MatchEntity> = {}): MatchEntity => ({ name, type: 'company', ...extra });
const person = (name: string, extra: Partial<MatchEntity> = {}): MatchEntity => ({ name, type: 'person', ...extra });
const feature = (r: MatchResult, id: string) => r.features.find((f) => f.feature === id);

function assertSums(r: MatchResult): void {
  const sum = r.features.reduce((s, f) => s + f.contribution, 0);
  assert.ok(Math.abs(sum - r.score) < 1e-9, `contributions ${sum} add up to the score ${r.score}`);
  assert.ok(r.score >= 0 && r.score <= 1);
  assert.equal(r.match, r.score >= r.threshold);
}

test('Chinese company names: characters against pinyin, legal forms in both', () => {
  const r = compare(company('新疆天业（集团）有限公司'), company('Xinjiang Tianye (Group) Co., Ltd.'));
  assert.equal(r.match, true);
  assert.ok(r.score >= 0.95, `score ${r.score}`);
  assert.match(feature(r, 'tokens')!.explanation, /‘新疆’ = ‘Xinjiang’/);
  assert.match(feature(r, 'legal-form')!.explanation, /agree \(not counted/);
  const other = compare(company('新疆天业（集团）有限公司'), company('Xinjiang Zhongtai Chemical Co., Ltd.'));
  assert.equal(other.match, false, `another Xinjiang company: ${other.score}`);
  const reordered = compare(company('盛福飞德有限公司'), company('盛福达飞有限公司'));
  assert.equal(reordered.match, false, `characters shared out of order are not the same words: ${reordered.score}`);
  const homophone = compare(company('云鸿信山有限公司'), company('云宏鑫山有限公司'));
  assert.ok(homophone.score < 1, 'same pinyin, other characters: a sound-alike, not identical');
  assert.ok(feature(homophone, 'phonetic'));
});

test('Cyrillic, Greek and Arabic script against Latin spellings', () => {
  assert.equal(compare(company('ООО Ромашка'), company('Romashka LLC')).score, 1);
  assert.equal(compare(person('Αλέξανδρος Παπαδόπουλος'), person('Alexandros Papadopoulos')).score, 1);
  const arabic = compare(person('محمد'), person('Mohammed'));
  assert.equal(arabic.match, true);
  assert.match(feature(arabic, 'phonetic')!.explanation, /‘محمد’ ≈ ‘Mohammed’ \(same sound\)/);
  assert.equal(compare(person('Ivanov Sergei'), person('Sergey Ivanow')).match, true);
});

test('person names: order, commas, spacing, typos, initials and patronymics', () => {
  assert.equal(compare(person('SALEK, ABDULHAI'), person('ABDULHAI SALEK')).score, 1);
  const spaced = compare(person('AREFULLAHA REF'), person('AREFULLAH AREF'));
  assert.equal(spaced.match, true);
  assert.match(feature(spaced, 'tokens')!.explanation, /written without spaces/);
  assert.equal(compare(person('LAUREN TNKUNDA'), person('LAURENT NKUNDA')).match, true);
  const ferreira = compare(person('M. da S. Ferreira'), person('Maria da Silva Ferreira'));
  assert.equal(ferreira.match, true, `initials: ${ferreira.score}`);
  assert.match(feature(ferreira, 'initials')!.explanation, /‘M’ ~ ‘Maria’ \(initial\)/);
  assert.equal(compare(person('J.P. Morgan'), person('JP Morgan')).score, 1);
  assert.equal(compare(person('Vladimir Putin'), person('PUTIN, Vladimir Vladimirovich')).match, true);
  assert.equal(compare(person('Vladimir Putin'), person('Vladimir Vinogradov')).match, false);
});

test('names of other traditions: Vietnamese surnames, Arabic articles, Chinese brands, abbreviations', () => {
  assert.equal(compare(person('Lê Thanh Khánh'), person('Đỗ Thanh Khánh')).match, false, 'Lê and Đỗ are surnames, not particles');
  const arabic = compare(person('Mohammed Ali Al-Sabbagh'), person('محمد علي الصباغ'));
  assert.equal(arabic.match, true, `the article ال is dropped like al-: ${arabic.score}`);
  assert.equal(compare(person('Hamad Youssef'), person('أحمد يوسف')).match, false, 'Hamad is not Ahmed');
  const brand = compare(company('四川中源服装股份有限公司'), company('四川中康服装股份有限公司'));
  assert.equal(brand.match, false, `one character of the brand differs: ${brand.score}`);
  assert.equal(compare(company('光佳新材料有限责任公司'), company('Guangtai Xincailiao Co., Ltd.')).match, false, 'pinyin from characters is exact');
  assert.equal(compare(person('Feng Shuyang'), person('Fang Shuyang')).match, false, 'a changed letter in a short name is another name');
  assert.equal(compare(person('Ayub Bashir'), person('Ayyub Bashir')).match, true, 'a doubled letter is not');
  const abbreviated = compare(company('Constr. León S.A.'), company('Construtora León S.A.'));
  assert.equal(abbreviated.match, true, `abbreviation: ${abbreviated.score}`);
  assert.match(feature(abbreviated, 'initials')!.explanation, /‘Constr’ ~ ‘Construtora’ \(abbreviation\)/);
  const vn = compare(company('Công ty TNHH Thương Mại An Phát'), company('Công ty TNHH Thương Mại Minh Phát'));
  assert.equal(vn.match, false, `Vietnamese legal form and trade words do not make companies alike: ${vn.score}`);
});

test('a shared legal form or descriptor never makes two companies alike', () => {
  const r = compare(company('Alpha Trading Ltd'), company('Beta Trading Ltd'));
  assert.equal(r.match, false);
  assert.ok(r.score < 0.5, `score ${r.score}`);
  assert.equal(feature(r, 'legal-form')!.contribution, 0);
  assert.equal(compare(company('Markel Trading Ltd'), company('Markel Logistics Ltd')).match, false, 'a different descriptor is a difference');
  assert.equal(compare(company('Sunrise Limited'), company('Moonlight Limited')).score, 0);
});

test('different legal-form classes lower the score slightly', () => {
  const same = compare(company('Hoshine Silicon GmbH'), company('Hoshine Silicon LLC'));
  const differ = compare(company('Hoshine Silicon GmbH'), company('Hoshine Silicon Inc.'));
  assert.equal(same.score, 1);
  assert.ok(differ.score < same.score && differ.match, `${differ.score}`);
  assert.match(feature(differ, 'legal-form')!.explanation, /private-limited.*corporation/);
});

test('identical names in different countries score lower, and the explanation says so', () => {
  const here = compare(company('Golden Harvest Foods', { countries: ['TH'] }), company('Golden Harvest Foods', { countries: ['TH'] }));
  const there = compare(company('Golden Harvest Foods', { countries: ['TH'] }), company('Golden Harvest Foods', { countries: ['BR'] }));
  assert.ok(there.score < here.score);
  assert.ok(feature(there, 'country')!.contribution < 0);
  assert.match(feature(there, 'country')!.explanation, /different countries: TH \/ BR/);
  assert.match(feature(here, 'country')!.explanation, /both in TH/);
});

test('identifiers: the same one is very strong evidence, a different one strongly lowers, a CNPJ root names the company', () => {
  const lei = (value: string) => [{ scheme: 'lei' as const, value }];
  const renamed = compare(company('Acme Holdings', { identifiers: lei('5493001KJTIIGC8Y1R12') }), company('Zenith Group', { identifiers: lei('5493 001K JTII GC8Y 1R12') }));
  assert.ok(feature(renamed, 'identifier')!.contribution > 0.3);
  const clash = compare(company('Acme Holdings', { identifiers: lei('5493001KJTIIGC8Y1R12') }), company('Acme Holdings', { identifiers: lei('529900T8BM49AURSDO55') }));
  assert.equal(clash.match, false, `score ${clash.score}`);
  assert.match(feature(clash, 'identifier')!.explanation, /different lei/);
  const cnpj = (value: string) => [{ scheme: 'company_number' as const, value, country: 'BR' }];
  const branch = compare(
    company('Fazenda Boa Vista Ltda', { identifiers: cnpj('12.345.678/0001-95') }),
    company('Fazenda Boa Vista', { identifiers: cnpj('12.345.678/0002-76') }),
  );
  assert.match(feature(branch, 'identifier')!.explanation, /same CNPJ root 12345678/);
  assert.ok(feature(branch, 'identifier')!.contribution > 0);
  const otherCountry = compare(
    company('Alpha', { identifiers: [{ scheme: 'company_number', value: '123', country: 'GB' }] }),
    company('Alpha', { identifiers: [{ scheme: 'company_number', value: '456', country: 'IE' }] }),
  );
  assert.equal(feature(otherCountry, 'identifier'), undefined, 'numbers from two registries are not compared');
});

test('a person never matches a company, however alike the names', () => {
  const r = compare(person('Tianye Xinjiang'), company('Xinjiang Tianye Co Ltd'));
  assert.equal(r.score, 0);
  assert.equal(r.match, false);
  assert.match(feature(r, 'type')!.explanation, /a person never matches a company/);
  assert.ok(compare({ name: 'Tianye Xinjiang' }, company('Xinjiang Tianye Co Ltd')).match, 'an unknown type may');
});

test('birth dates: the same year confirms, years apart cast doubt', () => {
  const base = person('Abdul Bari Akhund', { birthDate: '1965-03-01' });
  const sameDay = compare(base, person('Abdul Bari Akhund', { birthDate: '1965-03-01' }));
  const sameYear = compare(base, person('Abdul Bari Akhund', { birthDate: '1965' }));
  const apart = compare(base, person('Abdul Bari Akhund', { birthDate: '1978' }));
  assert.ok(feature(sameDay, 'birth-date')!.contribution > 0);
  assert.ok(feature(sameYear, 'birth-date')!.contribution > 0);
  assert.ok(feature(apart, 'birth-date')!.contribution < 0);
  assert.match(feature(apart, 'birth-date')!.explanation, /13 years apart/);
  assert.equal(feature(compare(company('X', { birthDate: '1965' }), company('X', { birthDate: '1990' })), 'birth-date'), undefined);
});

test('the best pair of names and aliases is compared, and named in the result', () => {
  const r = compare(person('Abu Bakr', { aliases: ['Ibrahim Awad Ibrahim al-Badri'] }), person('Ibrahim Awwad Ibrahim Al-Badri'));
  assert.equal(r.match, true);
  assert.deepEqual(r.names, { query: 'Ibrahim Awad Ibrahim al-Badri', candidate: 'Ibrahim Awwad Ibrahim Al-Badri' });
});

test('every result explains itself: contributions add up to the score, clamped when evidence overflows', () => {
  const cases: [MatchEntity, MatchEntity][] = [
    [company('Hoshine Silicon Industry Co Ltd', { countries: ['CN'] }), company('Hoshine Silicone Industries (Shanghai) Co., Ltd.', { countries: ['CN'] })],
    [company('ООО Ромашка', { countries: ['RU'], identifiers: [{ scheme: 'tax_id', value: '7701234567' }] }), company('Romashka LLC', { countries: ['RU'], identifiers: [{ scheme: 'tax_id', value: '7701234567' }] })],
    [person('Tianye'), company('Tianye')],
    [person('Alpha Beta', { countries: ['US'] }), person('Gamma Delta', { countries: ['FR'], birthDate: '1950' })],
    [company('Alpha Trading Ltd'), company('Beta Trading GmbH')],
  ];
  for (const [a, b] of cases) assertSums(compare(a, b));
  const overflow = compare(cases[1]![0], cases[1]![1]);
  assert.equal(overflow.score, 1);
  assert.ok(feature(overflow, 'clamp')!.contribution < 0);
  const hoshine = compare(cases[0]![0], cases[0]![1]);
  assert.match(feature(hoshine, 'tokens')!.explanation, /‘Hoshine’ = ‘Hoshine’ \(exact\); .*‘Silicon’ ≈ ‘Silicone’ \(1 edit\)/);
  assert.match(feature(hoshine, 'tokens')!.explanation, /not matched: ‘Shanghai’/);
});

test('the threshold decides the match and defaults to DEFAULT_THRESHOLD', () => {
  const r = compare(person('Ayub Bashir'), person('Ayyub Bashir'));
  assert.equal(r.threshold, DEFAULT_THRESHOLD);
  assert.equal(compare(person('Ayub Bashir'), person('Ayyub Bashir'), { threshold: 0.99 }).match, false);
  assert.equal(compare(person('Ayub Bashir'), person('Ayyub Bashir'), { threshold: 0.5 }).match, true);
});
