/**
 * 指定单位: where two annexes name their units two ways (`cross/units-unmatched`), the user links each name to
 * the other annex's unit in one choice. The links are saved in the settings' unit aliases, like 指定列, and the
 * workbook is checked again at once.
 */
import * as React from 'react';
import type { Lang, UnitGap } from '../../core';
import { t } from '../../core';
import { ChoiceForm } from './ChoiceForm';

export interface UnitMappingProps {
  readonly gap: UnitGap;
  readonly lang: Lang;
  /** Each chosen link: the name as written → the key of the unit it is. */
  readonly onLink: (gap: UnitGap, links: readonly { readonly written: string; readonly unit: string; readonly name: string }[]) => void;
}

export function UnitMapping({ gap, lang, onLink }: UnitMappingProps): React.ReactElement {
  return (
    <ChoiceForm
      lang={lang}
      openLabel={t('pane.units.open', lang)}
      groupLabel={t('pane.units.group', lang, { source: gap.source, target: gap.target })}
      rows={gap.unmatched.map((u) => ({ id: u, label: t('pane.units.which', lang, { unit: u, target: gap.target }) }))}
      options={gap.candidates.map((c) => ({ value: c.key, label: c.name }))}
      onSave={(chosen) => onLink(gap, chosen.map((c) => ({ written: c.id, unit: c.value, name: gap.candidates.find((x) => x.key === c.value)?.name ?? c.value })))}
    />
  );
}
