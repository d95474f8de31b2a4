/**
 * The shell of 指定列 and 指定单位: a button that opens a small form, one choice per thing to link (a missing
 * column, an unmatched unit name), each option taken at most once, saved in one click or cancelled.
 */
import { Button, Caption1, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Lang } from '../../core';
import { t } from '../../core';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface ChoiceFormProps {
  readonly lang: Lang;
  /** The button that opens the form. */
  readonly openLabel: string;
  /** The form's accessible name. */
  readonly groupLabel: string;
  /** A line above the choices (e.g. "no header left to choose"), or none. */
  readonly note?: string;
  /** What is to be linked: an id and the field's label. */
  readonly rows: readonly { readonly id: string; readonly label: string }[];
  /** What each can be linked to. */
  readonly options: readonly { readonly value: string; readonly label: string }[];
  /** The chosen option for each row chosen (rows left at "none" are not passed). */
  readonly onSave: (chosen: readonly { readonly id: string; readonly value: string }[]) => void;
}

export function ChoiceForm({ lang, openLabel, groupLabel, note, rows, options, onSave }: ChoiceFormProps): React.ReactElement {
  const styles = useStyles();
  const [open, setOpen] = React.useState(false);
  const [chosen, setChosen] = React.useState<Record<string, string>>({});
  if (!open) {
    return (
      <div className={styles.actions}>
        <Button size="small" appearance="secondary" onClick={() => setOpen(true)}>
          {openLabel}
        </Button>
      </div>
    );
  }
  const taken = new Set(Object.values(chosen).filter((v) => v !== ''));
  const picks = Object.entries(chosen)
    .filter(([, value]) => value !== '')
    .map(([id, value]) => ({ id, value }));
  return (
    <div className={styles.form} role="group" aria-label={groupLabel}>
      {note !== undefined ? <Caption1>{note}</Caption1> : null}
      {rows.map((r) => (
        <Field key={r.id} label={r.label} size="small">
          <Select value={chosen[r.id] ?? ''} onChange={(_, d) => setChosen({ ...chosen, [r.id]: d.value })}>
            <option value="">{t('pane.map.none', lang)}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value} disabled={taken.has(o.value) && chosen[r.id] !== o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      ))}
      <div className={styles.actions}>
        <Button size="small" appearance="primary" disabled={picks.length === 0} onClick={() => onSave(picks)}>
          {t('pane.map.save', lang)}
        </Button>
        <Button size="small" appearance="subtle" onClick={() => setOpen(false)}>
          {t('pane.map.cancel', lang)}
        </Button>
      </div>
    </div>
  );
}
