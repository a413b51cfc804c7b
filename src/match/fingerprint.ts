// A stable digest of everything matching reads from an entity: a dismissed hit alerts again only when
// either side's fingerprint changes.
import { createHash } from 'node:crypto';
import type { MatchEntity } from './types.ts';

export function fingerprintOf(entity: MatchEntity): string {
  const canonical = {
    type: entity.type ?? 'unknown',
    name: entity.name.normalize('NFC').trim(),
    aliases: [...new Set((entity.aliases ?? []).map((a) => a.normalize('NFC').trim()))].sort(),
    countries: [...new Set(entity.countries ?? [])].sort(),
    identifiers: (entity.identifiers ?? []).map((i) => `${i.scheme}:${i.country ?? ''}:${i.value}`).sort(),
    birthDate: entity.birthDate ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 22);
}
