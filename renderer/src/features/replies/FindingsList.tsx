import { CircleAlert, CircleCheck, TriangleAlert, Wand2 } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { ToneFinding } from '../../../../shared/api/replies';
import { describeFix, findingMessage } from './findingText';

/**
 * The tone findings as a list under the field: what, where (the words quoted), why, and the one-click
 * fix as a real button, so everything the underlines show can be read and fixed by keyboard too.
 */
export function FindingsList(props: {
  id: string;
  text: string;
  findings: readonly ToneFinding[];
  caret: number | null;
  onFix(finding: ToneFinding): void;
  onShow(finding: ToneFinding): void;
}) {
  const { t } = useTranslation();
  if (props.findings.length === 0) {
    return (
      <p id={props.id} className="findings__ok">
        <CircleCheck aria-hidden="true" size={14} />
        {t('composer.findings.none')}
      </p>
    );
  }
  return (
    <ul id={props.id} className="findings" aria-label={t('composer.findings.label')}>
      {props.findings.map((finding, index) => {
        const atCaret =
          props.caret !== null &&
          finding.end > finding.start &&
          props.caret >= finding.start &&
          props.caret <= finding.end;
        const quote = props.text.slice(finding.start, finding.end);
        const Icon = finding.severity === 'error' ? CircleAlert : TriangleAlert;
        return (
          <li
            key={`${finding.ruleId}-${finding.start}-${index}`}
            className={`finding finding--${finding.severity}${atCaret ? ' finding--at-caret' : ''}`}
          >
            <span className="finding__severity">
              <Icon aria-hidden="true" size={14} />
              {t(`composer.severity.${finding.severity}`)}
            </span>
            <div className="finding__text">
              <span className="finding__message">{findingMessage(t, finding)}</span>
              {quote.trim() !== '' && finding.end - finding.start <= 40 && (
                <span className="finding__quote">“{quote}”</span>
              )}
              <span className="finding__why">
                {t(finding.explanationKey)}
                {finding.note && ` ${finding.note}`}
              </span>
            </div>
            <div className="finding__actions">
              {finding.end > finding.start && (
                <button type="button" className="button button--small" onClick={() => props.onShow(finding)}>
                  {t('composer.findings.show')}
                </button>
              )}
              {finding.fix && (
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => props.onFix(finding)}
                >
                  <Wand2 aria-hidden="true" size={14} />
                  {describeFix(t, finding.fix, props.text)}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
