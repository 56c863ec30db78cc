import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Open311ClientWithKey } from './api.ts';

/** The api key of a client, shown once after create or rotate, with a copy button and a warning. */
export function KeyModal({ shown, onClose }: { shown: Open311ClientWithKey | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={t('open311Clients.keyTitle', { name: shown?.name ?? '' })}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="open311-key-done">
          {t('open311Clients.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('open311Clients.keyWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code
        copyable={{ text: shown?.apiKey ?? '', tooltips: [t('open311Clients.copy'), t('open311Clients.copied')] }}
        data-testid="open311-api-key"
        style={{ wordBreak: 'break-all' }}
      >
        {shown?.apiKey}
      </Typography.Paragraph>
    </Modal>
  );
}
