// The search field of a filtered table: it filters after a pause in typing, and takes back the text of the
// view it belongs to (back and forward, "Clear the filters") unless the person is typing in it.
import { useEffect, useRef, useState } from 'react';
import { useDebounced, useLatest } from '../hooks.ts';

export function FilterSearch({ id, value, onSearch, placeholder, label = 'Search' }: { id: string; value: string; onSearch: (q: string) => void; placeholder: string; label?: string }) {
  const [text, setText] = useState(value);
  const typed = useDebounced(text.trim(), 300);
  const latest = useLatest({ value, onSearch });
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const { value: v, onSearch: search } = latest.current;
    if (typed !== v) search(typed);
  }, [typed, latest]);
  useEffect(() => {
    if (document.activeElement !== input.current) setText(value);
  }, [value]);

  return (
    <div className="form-field">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="form-input"
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
    </div>
  );
}
