// The report's words, shared by the HTML and the PDF so both say exactly the same. Pure.
import { LEVELS } from '../risk/types.ts';
import type { PortfolioReport } from './model.ts';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
export const formatInteger = (n: number) => integer.format(n);
export const formatMoney = (n: number, currency: string | null) => `${currency ? `${currency} ` : ''}${integer.format(Math.round(n))}`;
const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((100 * part) / whole)}%` : '0%');

export function headline(r: PortfolioReport): string[] {
  const severe = r.levels.find((l) => l.level === 'severe');
  const high = r.levels.find((l) => l.level === 'high');
  const atRisk = (severe?.suppliers ?? 0) + (high?.suppliers ?? 0);
  const main = r.spendByCurrency.find((s) => s.currency === r.currency) ?? r.spendByCurrency[0];
  const out = [
    `${formatInteger(r.suppliers)} suppliers and ${formatInteger(r.lines)} supplier lines were assessed against public trafficking and forced-labour risk data.`,
    `${formatInteger(atRisk)} suppliers (${percent(atRisk, r.suppliers)}) carry high or severe inherent risk: ${formatInteger(severe?.suppliers ?? 0)} severe, ${formatInteger(high?.suppliers ?? 0)} high.`,
  ];
  if (main) out.push(`${formatMoney(main.spendAtRisk, main.currency)} of ${formatMoney(main.spend, main.currency)} spend (${percent(main.spendAtRisk, main.spend)}) goes to lines at high or severe risk.`);
  const others = r.spendByCurrency.filter((s) => s !== main);
  if (others.length) out.push(`Spend in other currencies is shown apart and not converted: ${others.map((s) => formatMoney(s.spend, s.currency)).join(', ')}.`);
  if (r.hotspots[0]) out.push(`The largest hotspot is ${r.hotspots[0].good} from ${r.hotspots[0].countryName} (${formatInteger(r.hotspots[0].suppliers)} suppliers).`);
  if (r.hardSignals > 0) out.push(`${formatInteger(r.hardSignals)} entity-list hits are reported apart from the score and wait for a person's confirmation.`);
  return out;
}

export const LEVEL_TEXT: Record<(typeof LEVELS)[number], string> = { low: 'Low', medium: 'Medium', high: 'High', severe: 'Severe' };

/** How to read the score: what it is and what it is not. */
export const METHOD: string[] = [
  'Each supplier line is classified: its description and HS, CPV or UNSPSC code are matched to the goods of the US Department of Labor ILAB list, with the reason and a confidence for each match.',
  'The risk engine then combines signals for the line’s good and country: the good’s listing for that country on the ILAB list (forced labour, child labour, forced child labour, or downstream of a listed input), the country’s US TIP report tier and its trend, the Walk Free Global Slavery Index prevalence, and the exposure of the sector. Each signal’s contribution is shown, and the contributions add up to the 0–100 score.',
  'A supplier’s risk is that of its riskiest line; priority multiplies severity by likelihood and weighs in the supplier’s share of spend as leverage.',
  'This is inherent risk from public data about goods and countries, not a finding about any company: the ILAB list names goods and countries, not companies, and a TIP tier measures a government’s effort against trafficking, not how much trafficking there is. It tells you where to look first; evidence from suppliers, audits and workers decides what is actually happening.',
];
