// Verifies every organisation's audit chain in the database.
import type { Db } from '../db/client.ts';
import { type ChainBreak, firstBreak } from './chain.ts';
import { allChains } from './repo.ts';

export interface AuditVerification {
  chains: number;
  entries: number;
  breaks: ChainBreak[];
}

export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const result: AuditVerification = { chains: 0, entries: 0, breaks: [] };
  for await (const chain of allChains(db)) {
    result.chains += 1;
    result.entries += chain.length;
    const broken = firstBreak(chain);
    if (broken) result.breaks.push(broken);
  }
  return result;
}
