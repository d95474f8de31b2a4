/**
 * 报送工作 as the first paint shows it: the heading and the four action buttons. The actions themselves (their
 * panels, the Fluent inputs they use, the status texts) are a chunk of their own, loaded when an action is first
 * chosen, which then opens with that action's panel (issue 21: the initial pane carries nothing it does not show).
 */
import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { t } from '../../core';
import type { SubmissionAction, SubmissionActionsProps } from './SubmissionActions';

const loadActions = () => import(/* webpackChunkName: "submissions-ui" */ './SubmissionActions');
const SubmissionActions = React.lazy(() => loadActions().then((m) => ({ default: m.SubmissionActions })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
});

const ACTIONS: readonly SubmissionAction[] = ['template', 'compare', 'batch', 'merge'];

export function SubmissionSection(props: Omit<SubmissionActionsProps, 'initialOpen'>): React.ReactElement {
  const styles = useStyles();
  const [chosen, setChosen] = React.useState<SubmissionAction | null>(null);
  const menu = (waiting: boolean) => (
    <section className={styles.root} aria-label={t('act.section', props.lang)}>
      <Subtitle2 as="h2">{t('act.section', props.lang)}</Subtitle2>
      <div className={styles.buttons}>
        {ACTIONS.map((a) => (
          <Button key={a} aria-expanded={false} appearance="secondary" disabled={props.disabled === true || waiting} onClick={() => setChosen(a)}>
            {t(`act.${a}`, props.lang)}
          </Button>
        ))}
      </div>
    </section>
  );
  if (chosen === null) return menu(false);
  return (
    <React.Suspense fallback={menu(true)}>
      <SubmissionActions {...props} initialOpen={chosen} />
    </React.Suspense>
  );
}
