import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** The property pages (companies, compound profiles, ledger) follow. */
export default function PropertyPage() {
  const { t } = useTranslation();
  return <Card title={t('property.title')} />;
}
