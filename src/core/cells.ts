/** Reading typed values out of table cells, reporting what a clerk should fix as findings. */
import type { FindingSink } from './finding';
import type { CellRead } from './table';
import { readNumber } from './text';

export interface NumberCell {
  /** The value to use in arithmetic (text numbers included); null when there is none. */
  readonly value: number | null;
  readonly blank: boolean;
  readonly cell: string;
}

/**
 * A cell where a count is expected. Numbers stored as text and full-width digits are read (the arithmetic
 * still checks) and reported as warnings; Excel errors and words are errors.
 */
export function readCountCell(read: CellRead | undefined, column: string, sheet: string, sink: FindingSink): NumberCell {
  if (!read) return { value: null, blank: true, cell: '' };
  const n = readNumber(read.value);
  const at = { sheet, cell: read.addr };
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
