/** Reading typed values out of table cells, reporting what a clerk should fix as findings. */
import type { FindingSink } from './finding';
import type { CellRead } from './table';
import { readNumber } from './text';
import { readCount } from './columnTypes';

export interface NumberCell {
  /** The value to use in arithmetic (text numbers included); null when there is none. */
  readonly value: number | null;
  readonly blank: boolean;
  readonly cell: string;
}

/**
 * A cell where a count is expected. Numbers stored as text and full-width digits are read (the arithmetic
 * still checks) and reported as warnings; a count in words with one plausible reading is read and noted;
 * Excel errors and words that are no count are errors.
 */
export function readCountCell(read: CellRead | undefined, column: string, sheet: string, sink: FindingSink): NumberCell {
  if (!read) return { value: null, blank: true, cell: '' };
  const at = { sheet, cell: read.addr };
  // A count written in words with one plausible reading (十二, 12项) is read and noted (src/core/columnTypes.ts).
  const typed = readCount(read.value);
  if (typed.kind === 'number' && typed.how) {
    sink.add('cell/read-as', at, { column, value: String(typed.value) }, { actual: typed.text });
    return { value: typed.value, blank: false, cell: read.addr };
  }
  const n = readNumber(read.value);
  switch (n.kind) {
    case 'blank':
      return { value: null, blank: true, cell: read.addr };
    case 'number':
      return { value: n.value, blank: false, cell: read.addr };
    case 'text-number':
      if (n.fullWidth) sink.add('cell/full-width-digits', at, { column }, { actual: n.text });
      else sink.add('cell/number-as-text', at, { column }, { actual: n.text });
      return { value: n.value, blank: false, cell: read.addr };
    case 'error':
      sink.add('cell/excel-error', at, { column }, { actual: n.text });
      return { value: null, blank: false, cell: read.addr };
    case 'text':
      sink.add('cell/not-a-number', at, { column }, { actual: n.text.slice(0, 40) });
      return { value: null, blank: false, cell: read.addr };
  }
}
