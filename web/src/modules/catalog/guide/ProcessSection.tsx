import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessStep } from '../../../../../contracts/catalog';
import { stepNameEn } from '../../../../../contracts/step-names';

/** 办理流程: the steps in order, each with its own time limit. */
export function ProcessSection({ steps }: { steps: ProcessStep[] }) {
  const { t, i18n } = useTranslation();
  // The step's name in English where it is made of the standard terms of procedure; its description stays as written.
  const en = i18n.resolvedLanguage === 'en';
  return (
    <Steps
      className="tb-process"
      orientation="vertical"
      current={steps.length}
      items={steps.map((step) => ({
        title: (en && stepNameEn(step.name)) || step.name,
        status: 'process' as const,
        content: (
          <div className="tb-process__content">
            {step.description ? <p>{step.description}</p> : null}
            <p className="tb-muted">
              {step.days > 0 ? t('guide.process.stepDays', { count: step.days }) : t('guide.process.stepSameDay')}
            </p>
          </div>
        ),
      }))}
    />
  );
}
