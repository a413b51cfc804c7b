// The lists Vigil knows: what each is, who publishes it, and why a hit counts. Defined at database preparation
// as shared lists without entities; the operator imports their versions from the publishers' files (or
// OpenSanctions' FollowTheMoney exports of them). Basis texts follow ../shared/research/standards.md (§1.10,
// §1.11, §5.7); what that catalogue does not verify is marked "(unverified)". Pure data.
import type { WatchlistDefinition } from './types.ts';

/**
 * Hard lists screen at a lower threshold than a soft list would: a miss on a list with legal weight costs more
 * than an analyst's look at a possible hit, and a hard hit is never final until a person confirms it.
 */
export const HARD_LIST_THRESHOLD = 0.8;

export const CATALOGUE: readonly WatchlistDefinition[] = [
  {
    slug: 'us-dhs-uflpa',
    name: 'UFLPA Entity List',
    publisher: 'U.S. Department of Homeland Security, Forced Labor Enforcement Task Force',
    sourceUrl: 'https://www.dhs.gov/uflpa-entity-list',
    licence: 'U.S. federal government work (public domain, 17 U.S.C. §105)',
    signal: 'hard',
    basis:
      'Uyghur Forced Labor Prevention Act (Public Law 117-78), presumption in force since 21 June 2022: goods mined, produced or manufactured wholly or in part by an entity on the UFLPA Entity List are presumed to be made with forced labour and are barred from import into the United States under 19 U.S.C. §1307, including downstream products made in China or third countries. The importer can overcome the presumption only with clear and convincing evidence, after full compliance with the FLETF strategy guidance and every CBP request for information.',
    threshold: HARD_LIST_THRESHOLD,
  },
  {
    slug: 'us-cbp-wro',
    name: 'CBP Withhold Release Orders and Findings',
    publisher: 'U.S. Customs and Border Protection, Forced Labor Division',
    sourceUrl: 'https://www.cbp.gov/trade/forced-labor/withhold-release-orders-and-findings',
    licence: 'U.S. federal government work (public domain, 17 U.S.C. §105)',
    signal: 'hard',
    basis:
      'Tariff Act of 1930, section 307 (19 U.S.C. §1307) bans imports of goods made wholly or in part by convict, forced or indentured labour. CBP issues a Withhold Release Order when information reasonably but not conclusively indicates forced labour (19 CFR 12.42): the goods are detained, and the importer may re-export them or prove admissibility (19 CFR 12.43; the three-month window is unverified). Where evidence suffices, CBP publishes a Finding and the goods may be seized. Orders usually name specific products from specific producers and stay in place until revoked.',
    threshold: HARD_LIST_THRESHOLD,
  },
  {
    slug: 'br-mte-slavery',
    name: 'Cadastro de Empregadores (Brazil register of employers using slave labour)',
    publisher: 'Ministério do Trabalho e Emprego (Brazil Ministry of Labour and Employment)',
    sourceUrl: 'https://www.gov.br/trabalho-e-emprego/pt-br/assuntos/inspecao-do-trabalho/areas-de-atuacao/cadastro_de_empregadores.csv',
    licence: 'Published by law by the Brazilian government; contains personal data of natural persons (names and CPF numbers): use for screening only, do not republish',
    signal: 'hard',
    basis:
      'The Ministry lists employers found, after a labour inspection and a final administrative decision, to have kept workers in conditions analogous to slavery (Portaria Interministerial MTPS/MMIRDH nº 4 of 11 May 2016, as the register\'s own headings cite); an employer stays listed for two years (unverified). Vigil treats a hit as a hard signal for the buyer: the employer was found by the State to have used forced labour, and standards.md §5.6 and §5.7 call for exclusion or mandatory escalation on such findings. Whether listing itself bars public contracts or credit in Brazil is unverified.',
    threshold: HARD_LIST_THRESHOLD,
  },
  {
    slug: 'opensanctions-sanctions',
    name: 'Consolidated sanctions lists (OpenSanctions "sanctions" collection)',
    publisher: 'OpenSanctions, consolidating the lists of sanctioning authorities (UN Security Council, EU, US OFAC, UK OFSI and others)',
    sourceUrl: 'https://www.opensanctions.org/datasets/sanctions/',
    licence: 'CC BY-NC 4.0 (OpenSanctions data; commercial use needs a licence from OpenSanctions)',
    signal: 'hard',
    basis:
      'Sanctions bar contracts, payments and the making available of funds or economic resources to listed persons and companies, under the law of the authority that listed them; a public buyer or company under that law may not contract with a listed party (unverified: standards.md does not catalogue sanctions regimes; check the programme named on the hit).',
    threshold: HARD_LIST_THRESHOLD,
  },
];
