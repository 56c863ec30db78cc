import { ExperimentOutlined } from '@ant-design/icons';
import { formatTime } from '@linli/demands/web/ui';
import { useCurrentUser } from '@linli/web-kit/current-user';
import { Alert, App, Button, Card, Descriptions, Spin, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ClassifierStatus, percent, smartApi } from './api.ts';

/** The county's category and level classifier: where it was trained, on how much, how accurate; retrained on demand.configure. */
export function ClassifierCard() {
  const { t } = useTranslation();
  const { can } = useCurrentUser();
  const { message } = App.useApp();
  const [status, setStatus] = useState<ClassifierStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [training, setTraining] = useState(false);

  useEffect(() => {
    smartApi
      .classifier()
      .then(setStatus)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const retrain = async () => {
    setTraining(true);
    try {
      const next = await smartApi.retrain();
      setStatus(next);
      message.success(t('demandSmart.classifier.retrained', { accuracy: percent(next.category.accuracy) }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setTraining(false);
    }
  };

  const cv = status?.category.crossValidation ?? null;

  return (
    <Card
      size="small"
      title={
        <span>
          <ExperimentOutlined /> {t('demandSmart.classifier.title')}
        </span>
      }
      data-testid="classifier-card"
      extra={
        can('demand.configure') && (
          <Button size="small" type="primary" loading={training} onClick={retrain} data-testid="classifier-retrain">
            {t('demandSmart.classifier.retrain')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {!status && !error && <Spin />}
      {status && (
        <>
          {status.source === 'builtin' && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('demandSmart.classifier.builtinHint', { min: status.minTenantSamples })}
            />
          )}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('demandSmart.classifier.source')}>
              <Tag color={status.source === 'tenant' ? 'green' : 'blue'} data-testid="classifier-source">
                {status.source === 'tenant' ? t('demandSmart.classifier.sourceTenant') : t('demandSmart.classifier.sourceBuiltin')}
              </Tag>
              <span data-testid="classifier-version">
                {t('demandSmart.classifier.version')} {status.version}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('demandSmart.classifier.trainedAt')}>
              <span data-testid="classifier-trained-at">
                {status.trained ? formatTime(status.trainedAt) : t('demandSmart.classifier.neverTrained')}
              </span>
              {status.trainedBy && ` · ${status.trainedBy}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('demandSmart.classifier.sampleSize')}>
              <span data-testid="classifier-size">{status.sampleSize}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('demandSmart.classifier.tenantSamples')}>
              {status.tenantSamples} / {status.minTenantSamples}
            </Descriptions.Item>
            <Descriptions.Item label={t('demandSmart.classifier.vocabularySize')}>{status.vocabularySize}</Descriptions.Item>
            <Descriptions.Item label={t('demandSmart.classifier.categoryAccuracy')}>
              <span data-testid="classifier-accuracy">{percent(status.category.accuracy)}</span>
              <div style={{ color: '#888', fontSize: 12 }}>
                {t('demandSmart.classifier.top3')} {percent(status.category.top3Accuracy)} · {t('demandSmart.classifier.baseline')}{' '}
                {percent(status.category.majorityBaseline)} · {t('demandSmart.classifier.heldOut', { count: status.category.heldOut })}
              </div>
            </Descriptions.Item>
            {cv && (
              <Descriptions.Item label={t('demandSmart.classifier.chosenSetting')}>
                <span data-testid="classifier-setting">
                  {t(`demandSmart.classifier.features.${cv.setting.features}`)} ·{' '}
                  {t(`demandSmart.classifier.variant.${cv.setting.variant}`)} ·{' '}
                  {t('demandSmart.classifier.alpha', { alpha: cv.setting.alpha })} ·{' '}
                  {cv.setting.priorWeight > 0
                    ? t('demandSmart.classifier.priorWeight', { weight: cv.setting.priorWeight })
                    : t('demandSmart.classifier.noPrior')}
                </span>
              </Descriptions.Item>
            )}
            {cv && (
              <Descriptions.Item label={t('demandSmart.classifier.cvAccuracy')}>
                <span data-testid="classifier-cv-accuracy">{percent(cv.accuracy)}</span>
                <div style={{ color: '#888', fontSize: 12 }}>
                  {t('demandSmart.classifier.cvHint', { folds: cv.folds, count: cv.examples })} · {t('demandSmart.classifier.meanRecall')}{' '}
                  {percent(cv.meanRecall)}
                </div>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('demandSmart.classifier.levelAccuracy')}>
              <span data-testid="classifier-level-accuracy">{percent(status.level.accuracy)}</span>
              <div style={{ color: '#888', fontSize: 12 }}>
                {t('demandSmart.classifier.baseline')} {percent(status.level.majorityBaseline)}
              </div>
            </Descriptions.Item>
          </Descriptions>
          {cv && (
            <Table
              size="small"
              style={{ marginTop: 12 }}
              data-testid="classifier-recall"
              rowKey="label"
              pagination={false}
              scroll={{ y: 320 }}
              title={() => t('demandSmart.classifier.recallTitle')}
              dataSource={[...cv.perClass].sort((a, b) => a.recall - b.recall)}
              columns={[
                { title: t('demandSmart.classifier.recallCategory'), dataIndex: 'name', render: (name: string | undefined) => name ?? '—' },
                { title: t('demandSmart.classifier.recallSupport'), dataIndex: 'support', width: 90, align: 'right' },
                {
                  title: t('demandSmart.classifier.recall'),
                  dataIndex: 'recall',
                  width: 100,
                  align: 'right',
                  render: (recall: number) => <span style={recall < 0.6 ? { color: '#d4380d' } : undefined}>{percent(recall)}</span>,
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
