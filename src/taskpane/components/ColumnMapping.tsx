/**
 * 指定列: where the checker could not place a required column, the user says which header it is. The
 * choice is saved with the workbook's settings (`columnMap`) and the workbook is checked again at once.
 */
import { Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { ColumnGap, Lang } from '../../core';
import { t } from '../../core';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ColumnMappingProps {
  readonly gap: ColumnGap;
  readonly lang: Lang;
  /** The chosen header text for each missing column key (only the ones chosen). */
  readonly onMap: (gap: ColumnGap, choices: readonly { readonly header: string; readonly key: string }[]) => void;
}

export function ColumnMapping({ gap, lang, onMap }: ColumnMappingProps): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [chosen, setChosen] = React.useState<Record<string, string>>({});
  const taken = new Set(Object.values(chosen).filter((h) => h !== ''));
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button size="small" appearance="secondary" onClick={() => setOpen(true)}>
          {t('pane.map.open', lang)}
        </Button>
      </div>
    );
  }
  const choices = Object.entries(chosen)
    .filter(([, header]) => header !== '')
    .map(([key, header]) => ({ header, key }));
  return (
    <div className={styles.form} role="group" aria-label={t('pane.map.group', lang, { sheet: gap.sheet })}>
      {gap.headers.length === 0 ? <Caption1>{t('pane.map.noHeaders', lang)}</Caption1> : null}
      {gap.missing.map((m) => (
        <Field key={m.key} label={t('pane.map.which', lang, { column: m.label })} size="small">
          <Select value={chosen[m.key] ?? ''} onChange={(_, d) => setChosen({ ...chosen, [m.key]: d.value })}>
            <option value="">{t('pane.map.none', lang)}</option>
            {gap.headers.map((h) => (
              <option key={h.col} value={h.text} disabled={taken.has(h.text) && chosen[m.key] !== h.text}>
                {h.text}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={choices.length === 0} onClick={() => onMap(gap, choices)}>
          {t('pane.map.save', lang)}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          {t('pane.map.cancel', lang)}
        </Button>
      </div>
    </div>
  );
}
