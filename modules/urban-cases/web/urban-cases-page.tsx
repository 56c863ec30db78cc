import { Card } from 'antd';
import { useTranslation } from 'react-i18next';

/** The cases page (being built). */
export default function UrbanCasesPage() {
  const { t } = useTranslation();
  return <Card title={t('urbanCases.title')} />;
}
