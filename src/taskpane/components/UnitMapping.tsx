/**
 * 指定单位: where two annexes name their units two ways (`cross/units-unmatched`), the user links each name to
 * the other annex's unit in one choice. The links are saved in the settings' unit aliases, like 指定列, and the
 * workbook is checked again at once.
 */
import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Lang, UnitGap } from '../../core';
import { t } from '../../core';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface UnitMappingProps {
  readonly gap: UnitGap;
  readonly lang: Lang;
  /** Each chosen link: the name as written → the key of the unit it is. */
  readonly onLink: (gap: UnitGap, links: readonly { readonly written: string; readonly unit: string; readonly name: string }[]) => void;
}

export function UnitMapping({ gap, lang, onLink }: UnitMappingProps): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [chosen, setChosen] = React.useState<Record<string, string>>({});
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button size="small" appearance="secondary" onClick={() => setOpen(true)}>
          {t('pane.units.open', lang)}
        </Button>
      </div>
    );
  }
  const taken = new Set(Object.values(chosen).filter((k) => k !== ''));
  const links = Object.entries(chosen)
    .filter(([, key]) => key !== '')
    .map(([written, key]) => ({ written, unit: key, name: gap.candidates.find((c) => c.key === key)?.name ?? key }));
  return (
    <div className={styles.form} role="group" aria-label={t('pane.units.group', lang, { source: gap.source, target: gap.target })}>
      {gap.unmatched.map((u) => (
        <Field key={u} label={t('pane.units.which', lang, { unit: u, target: gap.target })} size="small">
          <Select value={chosen[u] ?? ''} onChange={(_, d) => setChosen({ ...chosen, [u]: d.value })}>
            <option value="">{t('pane.map.none', lang)}</option>
            {gap.candidates.map((c) => (
              <option key={c.key} value={c.key} disabled={taken.has(c.key) && chosen[u] !== c.key}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={links.length === 0} onClick={() => onLink(gap, links)}>
          {t('pane.map.save', lang)}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          {t('pane.map.cancel', lang)}
        </Button>
      </div>
    </div>
  );
}
