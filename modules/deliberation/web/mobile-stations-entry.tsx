import { TeamOutlined } from '@ant-design/icons';
import { List } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** On the resident home page: the way to the stations near home. */
export default function MobileStationsEntry() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <List>
      <List.Item prefix={<TeamOutlined />} onClick={() => navigate('/m/stations')} data-testid="mobile-stations-entry">
        {t('deliberationStations.mobile.entry')}
      </List.Item>
    </List>
  );
}
