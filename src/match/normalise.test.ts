// Normalisation: scripts to ASCII, legal forms out of the distinctive name (kept as a class), particles, titles,
// abbreviations, acronyms and initials; and the token likeness measures under it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseName } from './normalise.ts';
import { editDistance, phoneticKey } from './phonetic.ts';

const tokens = (name: string) => normaliseName(name).tokens.map((t) => t.text);
const form = (name: string) => normaliseName(name).legalForm;

test('Unicode: compatibility forms, case and diacritics fold to plain ASCII', () => {
  assert.deepEqual(tokens('ＭÜLLER Straße Ｇｍｂｈ'), ['muller', 'strasse']);
  assert.deepEqual(tokens('São João Ñandú'), ['sao', 'joao', 'nandu']);
  assert.deepEqual(tokens("O'Brien"), ['obrien']);
});

test('transliteration: Cyrillic, Greek (ου as "ou"), Arabic, Chinese characters as pinyin syllables', () => {
  assert.deepEqual(tokens('Владимир Путин'), ['vladimir', 'putin']);
  assert.deepEqual(tokens('Воробьёв'), ['vorobev'], 'the soft sign does not split the word');
  assert.deepEqual(tokens('Αλέξανδρος Παπαδόπουλος'), ['alexandros', 'papadopoulos']);
  assert.deepEqual(tokens('محمد'), ['mhmd']);
  const han = normaliseName('新疆天业');
  assert.deepEqual(han.tokens.map((t) => t.text), ['xin', 'jiang', 'tian', 'ye']);
  assert.ok(han.tokens.every((t) => t.han));
  assert.deepEqual(han.tokens.map((t) => t.display), ['新', '疆', '天', '业'], 'the analyst sees the characters');
});

test('legal forms leave the distinctive name and are kept as a class, across languages and scripts', () => {
  const cases: [string, string[], string][] = [
    ['Alpha Trading Ltd', ['alpha', 'trading'], 'private-limited'],
    ['Hoshine Silicon Industry (Shanghai) Co., Ltd.', ['hoshine', 'silicon', 'industry', 'shanghai'], 'private-limited'],
    ['ООО Ромашка', ['romashka'], 'private-limited'],
    ['Romashka LLC', ['romashka'], 'private-limited'],
    ['Siemens GmbH', ['siemens'], 'private-limited'],
    ['PT Maju Jaya Tbk', ['maju', 'jaya'], 'public'],
    ['Grupo Bimbo, S.A.B. de C.V.', ['group', 'bimbo'], 'public'],
    ['Maersk A/S', ['maersk'], 'public'],
    ['Petronas Sdn Bhd', ['petronas'], 'private-limited'],
    ['Tata Consultancy Pvt Ltd', ['tata', 'consultancy'], 'private-limited'],
    ['ПАО Газпром', ['gazprom'], 'public'],
    ['Acme Inc.', ['acme'], 'corporation'],
    ['Deloitte LLP', ['deloitte'], 'partnership'],
    ['新疆天业（集团）有限公司', ['xin', 'jiang', 'tian', 'ye', 'group'], 'private-limited'],
    ['Xinjiang Tianye Youxian Gongsi', ['xinjiang', 'tianye'], 'private-limited'],
    ['株式会社トヨタ', ['toyota'], 'public'],
    ['Construtora Silva Ltda', ['construtora', 'silva'], 'private-limited'],
    ['Công ty TNHH Thương Mại An Phát', ['thuong', 'mai', 'an', 'phat'], 'private-limited'],
    ['Công ty Cổ phần Điện Tử Sông Hồng', ['dien', 'tu', 'song', 'hong'], 'public'],
    ['شركة النخيل للخدمات ذ.م.م', ['nkhil', 'khdmt'], 'private-limited'],
    ['Thessalia Chimiki I.K.E.', ['thessalia', 'chimiki'], 'private-limited'],
    ['Huakang Wuliu Limited Liability Company', ['huakang', 'wuliu'], 'private-limited'],
  ];
  for (const [name, expected, cls] of cases) {
    assert.deepEqual(tokens(name), expected, name);
    assert.equal(form(name), cls, name);
  }
  assert.equal(normaliseName('Alpha Ltd').legalFormText, 'Ltd');
  assert.equal(form('Hoshine Silicon'), null);
});

test('a legal-form word inside a name stays: only edges, or unambiguous forms anywhere, are removed', () => {
  assert.deepEqual(tokens('AS Salam Trading'), ['as', 'salam', 'trading'], '"AS" stands before nothing here');
  assert.deepEqual(tokens('Alpha Ltd (Hong Kong)'), ['alpha', 'hong', 'kong']);
  assert.deepEqual(tokens('Limited'), ['limited'], 'a name that is only a legal form keeps it');
});

test('particles, titles, abbreviations, acronyms and initials', () => {
  assert.deepEqual(tokens('The Bank of Kigali'), ['bank', 'kigali']);
  assert.deepEqual(tokens('Ludwig van Beethoven'), ['ludwig', 'beethoven']);
  assert.deepEqual(tokens('Abd al-Rahman Al-Baghdadi'), ['abdul', 'rahman', 'baghdadi']);
  assert.deepEqual(tokens('Abdurrahman'), ['abdulrahman']);
  assert.deepEqual(tokens('Präsident Putin'), ['putin']);
  assert.deepEqual(tokens('Intl Mfg Bros'), ['international', 'manufacturing', 'brothers']);
  assert.deepEqual(tokens('J.P. Morgan'), ['jp', 'morgan']);
  const ferreira = normaliseName('M. da S. Ferreira').tokens;
  assert.deepEqual(ferreira.map((t) => t.text), ['m', 's', 'ferreira']);
  assert.deepEqual(ferreira.map((t) => t.initial), [true, true, false]);
  assert.deepEqual(tokens('德达'), ['de', 'da'], 'Chinese syllables are never taken for Latin particles');
  assert.deepEqual(tokens('Lê Thanh'), ['le', 'thanh'], 'a particle first or last in a name is a name');
  assert.deepEqual(tokens('محمد علي الصباغ'), ['mhmd', 'ali', 'sbgh'], 'Arabic article dropped, initial ʿayn heard as a vowel');
  const abbreviated = normaliseName('Handelsges. Nord').tokens;
  assert.deepEqual([abbreviated[0]!.text, abbreviated[0]!.abbreviation], ['handelsgesellschaft', true]);
});

test('edit distance counts a swap of neighbours as one edit and stops early past the bound', () => {
  assert.equal(editDistance('silicon', 'silicone'), 1);
  assert.equal(editDistance('abdul', 'adbul'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('alpha', 'omega', 1), 2, 'beyond the bound the answer is bound + 1');
  assert.equal(editDistance('', 'abc'), 3);
});

test('phonetic key: one skeleton for transliteration variants, distinct for different names', () => {
  const same = [
    ['mohammed', 'muhammad', 'mohamad', 'mhmd'],
    ['ivanov', 'ivanow', 'ivanoff'],
    ['putin', 'poutine', 'poetin'],
    ['tschaikowski', 'chaikovsky'],
    ['zhukov', 'joukov'],
    ['alexander', 'aleksandr'],
    ['khalid', 'halid'],
  ];
  for (const group of same) assert.equal(new Set(group.map(phoneticKey)).size, 1, group.join(' / '));
  assert.notEqual(phoneticKey('kokchar'), phoneticKey('kosher'), 'a vowel between two consonants keeps both');
  assert.notEqual(phoneticKey('putin'), phoneticKey('platon'));
  assert.equal(phoneticKey('ali'), '', 'too little left to compare by sound');
  assert.equal(phoneticKey('7eleven'), '');
});
