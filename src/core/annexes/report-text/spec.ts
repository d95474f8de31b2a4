/** report-text: how it is recognised (title and header words), its typed columns, row keys and checks: the kind's registry entry. */
import type { AnnexSpec } from '../common';
import { L } from '../common';
import { CODES } from './codes';

declare module '../../table' {
  interface AnnexKinds {
    'report-text': true;
  }
}

export const spec = {
  kind: 'report-text',
  unique: [],
  key: [],
  keyCell: 'item',
  profile: 'keywork',
  label: L('通报', 'circular (通报)'),
  checks: [],
  codes: CODES,
} as const satisfies AnnexSpec;
