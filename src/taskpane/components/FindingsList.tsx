import {
  Badge,
  Caption1,
  createTableColumn,
  DataGrid,
  DataGridBody,
  DataGridCell,
  DataGridRow,
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Link,
  makeStyles,
  Subtitle2,
  type TableColumnDefinition,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import type { ColumnGap, Finding, Lang, Severity, UnitGap } from '../../core';
import { ColumnMapping, type ColumnMappingProps } from './ColumnMapping';
import { UnitMapping, type UnitMappingProps } from './UnitMapping';
import { actualOf, messageOf, t } from '../../core';

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalM },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalXS },
  row: { alignItems: 'flex-start' },
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, minWidth: 0 },
  meta: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  message: { overflowWrap: 'anywhere', wordBreak: 'break-word', lineHeight: tokens.lineHeightBase300 },
  detail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  explain: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

const BADGE: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface FindingsListProps {
  readonly findings: readonly Finding[];
  readonly sheetOrder: readonly string[];
  readonly lang: Lang;
  /** In Excel: select the finding's cell. Absent in file mode. */
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** Sheets whose columns the user can map (a `structure/column-missing` finding offers 指定列). */
  readonly gaps?: readonly ColumnGap[];
  readonly onMap?: ColumnMappingProps['onMap'];
  /** Units two annexes write two ways (a `cross/units-unmatched` finding offers 指定单位). */
  readonly unitGaps?: readonly UnitGap[];
  readonly onLink?: UnitMappingProps['onLink'];
  /** How each sheet was read, as lines: shown under the sheet's findings. */
  readonly explained?: Readonly<Record<string, readonly string[]>>;
}

function makeColumns(
  lang: Lang,
  onSelect: FindingsListProps['onSelect'],
  styles: ReturnType<typeof useStyles>,
  gapOf: (f: Finding) => ColumnGap | undefined,
  onMap: FindingsListProps['onMap'],
  unitGapOf: (f: Finding) => UnitGap | undefined,
  onLink: FindingsListProps['onLink'],
): TableColumnDefinition<Finding>[] {
  return [
    createTableColumn<Finding>({
      columnId: 'finding',
      renderCell: (f) => (
        <div className={styles.cell}>
          <div className={styles.meta}>
            <Badge appearance="tint" color={BADGE[f.severity]} size="small">
              {t(`severity.${f.severity}`, lang)}
            </Badge>
            {onSelect ? (
              <Link as="button" onClick={() => onSelect(f.sheet, f.cell)} aria-label={t('pane.gotoCell', lang, { sheet: f.sheet, cell: f.cell })}>
                {f.sheet}!{f.cell}
              </Link>
            ) : (
              <Caption1>
                {f.sheet}!{f.cell}
              </Caption1>
            )}
          </div>
          <span className={styles.message}>{messageOf(f, lang)}</span>
          {f.expected !== undefined || f.actual !== undefined ? (
            <Caption1 className={styles.detail}>
              {[f.expected !== undefined ? t('pane.expected', lang, { value: f.expected }) : null, f.actual !== undefined ? t('pane.actual', lang, { value: actualOf(f, lang) ?? '' }) : null]
                .filter(Boolean)
                .join(lang === 'zh-CN' ? '；' : '; ')}
            </Caption1>
          ) : null}
          {(() => {
            const gap = onMap ? gapOf(f) : undefined;
            return gap && onMap ? <ColumnMapping gap={gap} lang={lang} onMap={onMap} /> : null;
          })()}
          {(() => {
            const gap = onLink ? unitGapOf(f) : undefined;
            return gap && onLink ? <UnitMapping gap={gap} lang={lang} onLink={onLink} /> : null;
          })()}
        </div>
      ),
    }),
  ];
}

export function FindingsList({ findings, sheetOrder, lang, onSelect, gaps, onMap, unitGaps, onLink, explained }: FindingsListProps): React.ReactElement {
  const styles = useStyles();
  const columns = React.useMemo(() => {
    const gapOf = (f: Finding) => (f.code === 'structure/column-missing' ? gaps?.find((g) => g.sheet === f.sheet) : undefined);
    const unitGapOf = (f: Finding) => (f.code === 'cross/units-unmatched' ? unitGaps?.find((g) => g.sheet === f.sheet && g.cell === f.cell) : undefined);
    return makeColumns(lang, onSelect, styles, gapOf, onMap, unitGapOf, onLink);
  }, [lang, onSelect, styles, gaps, onMap, unitGaps, onLink]);
  const groups = React.useMemo(() => {
    const by = new Map<string, Finding[]>();
    for (const f of findings) by.set(f.sheet, [...(by.get(f.sheet) ?? []), f]);
    // A sheet holding several tables is listed once per table in the audit: once here.
    const order = [...new Set([...sheetOrder, ...by.keys()])];
    return order.filter((s) => by.has(s)).map((s) => ({ sheet: s, items: by.get(s) ?? [] }));
  }, [findings, sheetOrder]);

  return (
    <div>
      {groups.map((g) => (
        <section key={g.sheet} className={styles.group} aria-label={g.sheet}>
          <div className={styles.heading}>
            <Subtitle2 as="h3">{g.sheet}</Subtitle2>
            <Badge appearance="outline" size="small">
              {g.items.length}
            </Badge>
          </div>
          <DataGrid items={g.items as Finding[]} columns={columns} getRowId={(f: Finding) => `${f.sheet}!${f.cell}!${f.code}!${g.items.indexOf(f)}`} focusMode="composite" aria-label={`${t('pane.findings', lang)} ${g.sheet}`}>
            <DataGridBody<Finding>>
              {({ item, rowId }) => (
                <DataGridRow<Finding> key={rowId} className={styles.row}>
                  {({ renderCell }) => <DataGridCell>{renderCell(item)}</DataGridCell>}
                </DataGridRow>
              )}
            </DataGridBody>
          </DataGrid>
          {explained?.[g.sheet]?.length ? (
            <Accordion collapsible>
              <AccordionItem value="explain">
                <AccordionHeader size="small">{t('pane.explain.open', lang)}</AccordionHeader>
                <AccordionPanel>
                  <div className={styles.explain} data-testid={`explain-${g.sheet}`}>
                    {explained[g.sheet]?.map((line, i) => (
                      <Caption1 key={i} className={styles.detail}>
                        {line}
                      </Caption1>
                    ))}
                    <Caption1>{t('pane.explain.hint', lang)}</Caption1>
                  </div>
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          ) : null}
        </section>
      ))}
    </div>
  );
}
