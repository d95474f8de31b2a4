/** Plan helpers shared by the host tests. */
import type { SheetPlan } from '../../src/core';
import { a1 } from '../../src/core/grid';

/** Every formula cell of a plan, `=` included, by A1 reference. */
export function planFormulas(plan: SheetPlan): Record<string, string> {
  const out: Record<string, string> = {};
  plan.rows.forEach((row, r) =>
    row.forEach((pc, c) => {
      if (pc.formula !== undefined) out[a1(r, c)] = `=${pc.formula}`;
    }),
  );
  return out;
}
