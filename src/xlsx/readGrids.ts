import type { Grid } from '../core';
import { openWorkbook } from './open';

/** The grids of a spreadsheet file of any format we read (see open.ts). */
export async function readGrids(bytes: Uint8Array, file = 'workbook'): Promise<Grid[]> {
  return openWorkbook(bytes, file).grids;
}
