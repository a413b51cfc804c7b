// Names for the levels of the HS and CPV classifications. Pure.

/** HS levels are named by the number of digits: 2 chapter, 4 heading, 6 subheading. */
export function hsLevelName(code: string): string {
  const digits = code.replace(/\D/g, '').length;
  if (digits <= 2) return 'Chapter';
  if (digits <= 4) return 'Heading';
  return 'Subheading';
}

/**
 * CPV levels follow the significant digits of the 8-digit code (the ninth, after the dash, is a check digit):
 * 2 division, 3 group, 4 class, 5 category, 6–8 subcategory.
 */
export function cpvLevelName(code: string): string {
  const main = code.split('-')[0]!.replace(/\D/g, '').slice(0, 8);
  const significant = main.replace(/0+$/, '').length;
  if (significant <= 2) return 'Division';
  if (significant === 3) return 'Group';
  if (significant === 4) return 'Class';
  if (significant === 5) return 'Category';
  return 'Subcategory';
}

export function schemeLabel(scheme: string): string {
  if (scheme === 'hs') return 'HS 2022';
  if (scheme === 'cpv') return 'CPV 2008';
  return scheme.toUpperCase();
}

export function levelName(scheme: string, code: string): string {
  return scheme === 'hs' ? hsLevelName(code) : scheme === 'cpv' ? cpvLevelName(code) : 'Code';
}

/** "0901.21" style display for HS codes (headings and subheadings get a dot after 4 digits). */
export function displayCode(scheme: string, code: string): string {
  if (scheme === 'hs' && /^\d{6}$/.test(code)) return `${code.slice(0, 4)}.${code.slice(4)}`;
  return code;
}
