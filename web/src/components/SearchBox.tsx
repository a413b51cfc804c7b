// The header search: a combobox that suggests countries, goods and HS/CPV codes as you type (debounced),
// navigable with the arrow keys; Enter opens the highlighted result or the full results page.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { endpoints, getJson, type SearchResults } from '../api.ts';
import { useDebounced } from '../hooks.ts';
import { href } from '../lib/route.ts';
import { MIN_QUERY, flatOptions, groupOptions, moveActive, type OptionGroup } from '../lib/search.ts';
import { navigate, useLocation } from '../router.tsx';

type State =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'ready'; q: string; groups: OptionGroup[] }
  | { status: 'error'; q: string; message: string };

export function SearchBox() {
  const id = useId();
  const listId = `${id}-list`;
  const inputRef = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<State>({ status: 'idle' });
  const query = useDebounced(text.trim(), 200);

  // Keep the box in step with the search page's query, and close the list on any navigation.
  useEffect(() => {
    setOpen(false);
    setActive(-1);
    if (location.pathname === '/search') setText(location.search.get('q') ?? '');
  }, [location.key]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (query.length < MIN_QUERY) {
      setState({ status: 'idle' });
      return;
    }
    const ctl = new AbortController();
    setState({ status: 'loading', q: query });
    getJson<SearchResults>(endpoints.search(query), ctl.signal).then(
      (r) => {
        setState({ status: 'ready', q: query, groups: groupOptions(query, r) });
        setActive(-1);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setState({ status: 'error', q: query, message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => ctl.abort();
  }, [query]);

  const groups = state.status === 'ready' ? state.groups : [];
  const options = useMemo(() => flatOptions(groups), [groups]);
  const showList = open && text.trim().length >= MIN_QUERY && state.status !== 'idle';
  const activeOption = showList && active >= 0 ? options[active] : undefined;

  const go = (to: string) => {
    setOpen(false);
    setActive(-1);
    inputRef.current?.blur();
    navigate(to);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        e.preventDefault();
        if (!open) setOpen(true);
        setActive((a) => moveActive(a, e.key === 'ArrowDown' ? 1 : -1, options.length));
        break;
      }
      case 'Enter': {
        e.preventDefault();
        if (activeOption) go(activeOption.to);
        else if (text.trim()) go(href.search(text));
        break;
      }
      case 'Escape': {
        if (open && text) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text) {
          e.preventDefault();
          setText('');
        }
        break;
      }
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  let index = -1;
  return (
    <form
      className="search"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) go(href.search(text));
      }}
    >
      <label htmlFor={`${id}-input`} className="visually-hidden">
        Search countries, goods and HS or CPV codes
      </label>
      <input
        ref={inputRef}
        id={`${id}-input`}
        className="search-input"
        type="search"
        placeholder="Search countries, goods, codes"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-${activeOption.id}` : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <div className="search-popup" hidden={!showList}>
        {state.status === 'loading' && (
          <p className="search-status" role="status">
            Searching…
          </p>
        )}
        {state.status === 'error' && (
          <p className="search-status error" role="alert">
            Search failed: {state.message}
          </p>
        )}
        <ul id={listId} role="listbox" aria-label="Search suggestions" className="search-list">
          {groups.map((g) => (
            <li key={g.kind} role="presentation">
              {g.kind !== 'all' && (
                <div className="search-group-title" id={`${id}-g-${g.kind}`} aria-hidden="true">
                  {g.title}
                </div>
              )}
              <ul role="group" aria-label={g.title} className="search-group">
                {g.options.map((o) => {
                  index++;
                  const i = index;
                  return (
                    <li
                      key={o.id}
                      id={`${id}-${o.id}`}
                      role="option"
                      aria-selected={i === active}
                      className={`search-option kind-${o.kind}${i === active ? ' active' : ''}`}
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => go(o.to)}
                    >
                      <span className="search-option-label">{o.label}</span>
                      {o.detail && <span className="search-option-detail">{o.detail}</span>}
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
        {state.status === 'ready' && groups.length === 1 && <p className="search-status">No matches in the knowledge base.</p>}
      </div>
    </form>
  );
}
