import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcessStep } from '../../../../../contracts/catalog';

/** 办理流程: the steps in order, each with its own time limit. */
export function ProcessSection({ steps }: { steps: ProcessStep[] }) {
  const { t } = useTranslation();
  return (
    <Steps
      className="tb-process"
      orientation="vertical"
      current={steps.length}
      items={steps.map((step) => ({
        title: step.name,
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
