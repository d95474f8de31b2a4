/**
 * 指定列: where the checker could not place a required column, the user says which header it is. The
 * choice is saved with the workbook's settings (`columnMap`) and the workbook is checked again at once.
 */
import * as React from 'react';
import type { ColumnGap, Lang } from '../../core';
import { t } from '../../core';
import { ChoiceForm } from './ChoiceForm';

export interface ColumnMappingProps {
  readonly gap: ColumnGap;
  readonly lang: Lang;
  /** The chosen header text for each missing column key (only the ones chosen). */
  readonly onMap: (gap: ColumnGap, choices: readonly { readonly header: string; readonly key: string }[]) => void;
}

export function ColumnMapping({ gap, lang, onMap }: ColumnMappingProps): React.ReactElement {
  // Two columns may carry the same header text: each text is offered once.
  const headers = [...new Set(gap.headers.map((h) => h.text))];
  return (
    <ChoiceForm
      lang={lang}
      openLabel={t('pane.map.open', lang)}
      groupLabel={t('pane.map.group', lang, { sheet: gap.sheet })}
      {...(gap.headers.length === 0 ? { note: t('pane.map.noHeaders', lang) } : {})}
      rows={gap.missing.map((m) => ({ id: m.key, label: t('pane.map.which', lang, { column: m.label }) }))}
      options={headers.map((h) => ({ value: h, label: h }))}
      onSave={(chosen) => onMap(gap, chosen.map((c) => ({ header: c.value, key: c.id })))}
    />
  );
}
