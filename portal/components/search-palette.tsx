'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useApis } from '@/lib/client/use-apis';
import { useDebouncedValue } from '@/lib/client/use-debounced-value';

/**
 * Cmd-K / Ctrl-K (or "/" outside a field) opens a search over the catalog; arrows choose, Enter opens the API.
 * Built on the native <dialog>, so focus is trapped and Escape closes it without a library.
 */
export function SearchPalette() {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 120);
  const { apis } = useApis(open ? query : '');
  const results = open ? (apis ?? []).slice(0, 8) : [];

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = e.target instanceof HTMLElement && (e.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName));
      if ((e.key === 'k' && (e.metaKey || e.ctrlKey)) || (e.key === '/' && !typing)) {
        e.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query is what resets the highlighted result
  useEffect(() => setActive(0), [query]);

  function go(id: string) {
    setOpen(false);
    setText('');
    router.push(`/apis/${encodeURIComponent(id)}`);
  }

  function onInputKey(e: React.KeyboardEvent) {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, results.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (e.key === 'Enter' && results[active]) go(results[active].id);
    else return;
    e.preventDefault();
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-8 items-center gap-2 rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-500 hover:border-zinc-400 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label="Search APIs"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-4">
          <path fillRule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM2 9a7 7 0 1 1 12.45 4.39l3.08 3.08a.75.75 0 1 1-1.06 1.06l-3.08-3.08A7 7 0 0 1 2 9Z" clipRule="evenodd" />
        </svg>
        <span className="hidden md:inline">Search</span>
        <kbd className="hidden rounded border border-zinc-200 px-1 font-sans text-xs text-zinc-500 md:inline">⌘K</kbd>
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; the keyboard has Escape, native to <dialog> */}
      <dialog
        ref={dialog}
        aria-label="Search APIs"
        onClose={() => setOpen(false)}
        onClick={(e) => e.target === dialog.current && setOpen(false)}
        className="mx-auto mt-[12vh] w-[calc(100%-2rem)] max-w-lg rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40"
      >
        {open && (
          <div data-testid="search-palette">
            <input
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={onInputKey}
              placeholder="Search APIs by name, tag or description"
              aria-label="Search APIs"
              role="combobox"
              aria-expanded={results.length > 0}
              aria-controls="search-results"
              aria-activedescendant={results[active] ? `search-result-${active}` : undefined}
              className="h-12 w-full border-b border-zinc-200 bg-transparent px-4 text-sm outline-none placeholder:text-zinc-400"
            />
            <div id="search-results" role="listbox" aria-label="APIs" className="max-h-80 overflow-y-auto p-2">
              {results.length === 0 ? (
                <div className="px-3 py-6 text-center text-sm text-zinc-500">{query ? `No APIs match “${query}”.` : 'Loading the catalog…'}</div>
              ) : (
                results.map((api, i) => (
                  // biome-ignore lint/a11y/useFocusableInteractive: ARIA combobox pattern: focus stays in the input, which moves aria-activedescendant
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles arrows and Enter for the options
                  <div
                    key={api.id}
                    id={`search-result-${i}`}
                    role="option"
                    aria-selected={i === active}
                    onMouseEnter={() => setActive(i)}
                    onClick={() => go(api.id)}
                    className={`flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-3 py-2 text-sm ${i === active ? 'bg-indigo-50 text-indigo-900' : 'text-zinc-800'}`}
                  >
                    <span className="min-w-0 truncate font-medium">{api.name}</span>
                    <span className="shrink-0 font-mono text-xs text-zinc-500">{api.context}</span>
                  </div>
                ))
              )}
            </div>
          </div>
        )}
      </dialog>
    </>
  );
}
