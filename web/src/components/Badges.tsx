// Type badges for an ILAB listing; a downstream good says what it is made from and where that comes from.
import { useMemo } from 'react';
import { endpoints, type CountryList } from '../api.ts';
import { useApi } from '../hooks.ts';
import { badgesFor, type FlagsLike } from '../lib/exploitation.ts';
import { href } from '../lib/route.ts';
import { Link } from '../router.tsx';

/** Country names by alpha-2 code, from the (cached) country list; undefined until it has loaded. */
export function useCountryNames(): (code: string) => string | undefined {
  const res = useApi<CountryList>(endpoints.countries());
  return useMemo(() => {
    const names = new Map((res.data?.countries ?? []).map((c) => [c.code, c.name]));
    return (code: string) => names.get(code);
  }, [res.data]);
}

export function ExploitationBadges({ flags, countryName }: { flags: FlagsLike; countryName?: (code: string) => string | undefined }) {
  const badges = badgesFor(flags, countryName);
  return (
    <ul className="badges">
      {badges.map((b) => (
        <li key={b.kind} className={`badge badge-${b.kind}`}>
          {b.label}
          {(b.madeFrom || b.from) && (
            <span className="badge-note">
              {' '}
              — {b.madeFrom && <>made from {b.madeFrom}</>}
              {b.from && (
                <>
                  {' '}
                  from {b.from.code ? <Link to={href.country(b.from.code)}>{b.from.name}</Link> : b.from.name}
                </>
              )}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function TierBadge({ tier, label }: { tier: string | null; label: string }) {
  return <span className={`tier-badge tier-${tier ?? 'none'}`}>{label}</span>;
}
