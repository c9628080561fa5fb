'use client';

import { Button } from '@/components/button';
import { inputClass } from '@/components/field';
import type { ReferenceSection } from '@/lib/openapi/reference-sections';

const count = (n: number) => `${n} operation${n === 1 ? '' : 's'}`;

/**
 * Which part of a large document the reference shows: one tag (or one page of a large tag) at a time, so the
 * renderer is never handed hundreds of operations at once. Previous and Next walk the sections in document order.
 */
export function ReferenceSectionPicker({ sections, selected, onSelect }: { sections: ReferenceSection[]; selected: number; onSelect: (index: number) => void }) {
  const total = sections.reduce((sum, s) => sum + s.operations.length, 0);
  return (
    <div id="reference-sections" className="mb-3 flex scroll-mt-32 flex-wrap items-end gap-2" data-testid="reference-sections">
      <div className="min-w-0 flex-1 basis-60">
        <label htmlFor="reference-section" className="mb-1.5 block text-sm font-medium text-zinc-800">
          Section <span className="font-normal text-zinc-600">({sections.length} sections, {count(total)})</span>
        </label>
        <select id="reference-section" className={inputClass} value={selected} onChange={(e) => onSelect(Number(e.target.value))}>
          {sections.map((s, i) => (
            <option key={s.id} value={i}>
              {`${s.label} · ${count(s.operations.length)}`}
            </option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <Button variant="secondary" size="md" disabled={selected === 0} onClick={() => onSelect(selected - 1)}>
          Previous
        </Button>
        <Button variant="secondary" size="md" disabled={selected === sections.length - 1} onClick={() => onSelect(selected + 1)}>
          Next
        </Button>
      </div>
    </div>
  );
}
