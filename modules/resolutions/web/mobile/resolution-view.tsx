import type { ResolutionDetail, Satisfaction } from '@linli/resolutions/contract';
import { api } from '@linli/web-kit/client';
import { useData } from '@linli/web-kit/use-data';
import { Card, List, ProgressBar, Selector, SpinLoading, Steps, Toast } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { label } from '../labels.ts';

/** One resolution on the phone: its tasks with owner, deadline and progress, the milestones, the committee's evaluations, the survey. */
export default function ResolutionView() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data } = useData((signal) => api.get<ResolutionDetail>(`/me/resolutions/${id}`, undefined, { signal }), [id]);
  const [answer, setAnswer] = useState<Satisfaction[]>([]);
  if (!data) return <SpinLoading style={{ margin: '40px auto' }} />;
  const answerSurvey = async (v: Satisfaction[]) => {
    setAnswer(v);
    if (!v[0]) return;
    await api.post(`/me/resolutions/${data.id}/survey`, { satisfaction: v[0] });
    Toast.show({ icon: 'success', content: t('resolutions.mobile.thanks') });
  };
  return (
    <div data-testid="m-resolution">
      <Card title={data.title}>
        <div>
          {data.nodeName} · {label('resolutions.statuses', data.status)}
        </div>
        <ProgressBar percent={data.progress} text style={{ marginTop: 8 }} />
        {data.content && <p>{data.content}</p>}
      </Card>
      <List header={t('resolutions.tasks')}>
        {data.tasks.map((task) => (
          <List.Item
            key={task.id}
            description={
              <>
                {task.ownerName} · {t('resolutions.deadline')} {task.deadline}
                <ProgressBar percent={task.progress} text style={{ marginTop: 4 }} />
                {task.milestones.length > 0 && (
                  <Steps direction="vertical" current={task.milestones.length - 1}>
                    {task.milestones.map((m) => (
                      <Steps.Step key={m.id} title={`${m.progress}% ${m.note}`} description={m.recordedAt.slice(0, 10)} />
                    ))}
                  </Steps>
                )}
              </>
            }
          >
            {task.title}
          </List.Item>
        ))}
      </List>
      <List header={t('resolutions.evaluations')}>
        {data.evaluations
          .filter((e) => e.evaluatedAt)
          .map((e) => (
            <List.Item key={e.id} description={e.comment ?? undefined}>
              {e.month} · {label('resolutions.supervision.qualities', e.quality)} ·{' '}
              {label('resolutions.supervision.satisfactions', e.satisfaction)}
            </List.Item>
          ))}
      </List>
      <Card title={t('resolutions.mobile.survey')}>
        <Selector
          columns={3}
          value={answer}
          onChange={(v) => void answerSurvey(v as Satisfaction[])}
          options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((s) => ({
            value: s,
            label: label('resolutions.supervision.satisfactions', s),
          }))}
          data-testid="m-resolution-survey"
        />
      </Card>
    </div>
  );
}
