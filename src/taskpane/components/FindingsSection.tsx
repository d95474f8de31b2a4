/**
 * The findings of a check: counts per severity, the severity filter and the list by sheet. Loaded on demand with the
 * first check (issue 21: the first paint does not need the list, its data grid or the findings catalogue).
 */
import { Body1, CounterBadge, makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { ColumnGap, Lang, Severity, UnitGap } from '../../core';
import { t } from '../../core';
import type { AuditView } from '../services/types';
import { FindingsList } from './FindingsList';

// The charts are drawn from their own chunk, once there is an audit.
const SummaryCharts = React.lazy(() => import(/* webpackChunkName: "charts" */ './SummaryCharts'));

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  count: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

type Filter = 'all' | Severity;

export interface FindingsSectionProps {
  readonly audit: AuditView;
  readonly lang: Lang;
  readonly onSelect?: (sheet: string, cell: string) => void;
  readonly onMap: (gap: ColumnGap, choices: readonly { readonly header: string; readonly key: string }[]) => void;
  readonly onLink: (gap: UnitGap, links: readonly { readonly written: string; readonly unit: string; readonly name: string }[]) => void;
}

export function FindingsSection({ audit, lang, onSelect, onMap, onLink }: FindingsSectionProps): React.ReactElement {
  const styles = useStyles();
  const [filter, setFilter] = React.useState<Filter>('all');
  const findings = audit.findings;
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);
  return (
    <section aria-label={t('pane.findings', lang)}>
      <div className={styles.counts}>
        {(['error', 'warning', 'info'] as const).map((s) => (
          <span key={s} className={styles.count}>
            <CounterBadge count={audit.counts[s]} showZero color={s === 'error' ? 'danger' : s === 'warning' ? 'important' : 'informative'} appearance="filled" size="small" />
            <Body1>{t(`severity.${s}`, lang)}</Body1>
          </span>
        ))}
      </div>
      {audit.charts && audit.charts[lang].length > 0 ? (
        <React.Suspense fallback={null}>
          <SummaryCharts charts={audit.charts[lang]} lang={lang} />
        </React.Suspense>
      ) : null}
      <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as Filter)} aria-label={t('pane.filter.label', lang)} size="small">
        <Tab value="all">{t('pane.filter.all', lang)}</Tab>
        <Tab value="error">{t('severity.error', lang)}</Tab>
        <Tab value="warning">{t('severity.warning', lang)}</Tab>
        <Tab value="info">{t('severity.info', lang)}</Tab>
      </TabList>
      <FindingsList findings={shown} sheetOrder={audit.sheets.map((s) => s.name)} lang={lang} {...(onSelect ? { onSelect } : {})} gaps={audit.columnGaps ?? []}
        onMap={onMap}
        unitGaps={audit.unitGaps ?? []}
        onLink={onLink}
        {...(audit.explained ? { explained: audit.explained } : {})}
      />
    </section>
  );
}
