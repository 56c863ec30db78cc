import { PlusOutlined } from '@ant-design/icons';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { useCan } from '@linli/web-kit/current-user';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The dual registrations' filter bar: community and (with organisation.write) the create button. */
export function DualRegistrationsFilter({
  communityId,
  onChange,
  onCreate,
}: {
  communityId?: string;
  onChange: (communityId: string | undefined) => void;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <TerritorySelect
        value={communityId}
        onChange={(v) => onChange(v)}
        selectableKinds={['community']}
        deepestKind="community"
        placeholder={t('organisations.community')}
        testId="dual-community-filter"
      />
      {can('organisation.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid="create-dual-registration">
          {t('organisations.dualCreate')}
        </Button>
      )}
    </>
  );
}
