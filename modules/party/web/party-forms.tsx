import { partyOrgKinds, nodeKindOf as partyOrgNodeKind } from '@linli/party/vocabulary';
import { api } from '@linli/web-kit/client';
import { FormError, useApiForm } from '@linli/web-kit/components/form-errors';
import { ResidentSelect } from '@linli/web-kit/components/resident-select';
import { TerritorySelect } from '@linli/web-kit/components/territory-select';
import { kindLabel, partyKindLabel } from '@linli/web-kit/labels';
import type { PartyMember, PartyOrg, PartyOrgKind } from '@linli/web-kit/types';
import { App, DatePicker, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The kind one level below (街道党工委 → 社区党委 → 小区党支部 → 楼栋党小组 → 党员中心户). */
export function childPartyKind(kind: string | undefined): PartyOrgKind | undefined {
  if (!kind) return 'subdistrict_committee';
  const i = partyOrgKinds.indexOf(kind as PartyOrgKind);
  return i >= 0 ? partyOrgKinds[i + 1] : undefined;
}

/** Founds an organisation under `parent` (or a subdistrict committee at the top when there is none). */
export function CreatePartyOrgModal({
  open,
  parent,
  onClose,
  onCreated,
}: {
  open: boolean;
  parent: PartyOrg | null;
  onClose: () => void;
  onCreated: (org: PartyOrg) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; nodeId: string; establishedOn?: Dayjs }>();
  const { run, error, saving, clearError } = useApiForm(form, ['parentId', 'kind', 'name', 'nodeId', 'establishedOn']);
  const kind = childPartyKind(parent?.kind);
  const nodeKind = kind ? partyOrgNodeKind[kind] : undefined;

  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!kind) return;
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const created = await run(() =>
      api.post<PartyOrg>('/party/orgs', {
        parentId: parent?.id,
        kind,
        name: v.name.trim(),
        nodeId: v.nodeId,
        establishedOn: v.establishedOn?.format('YYYY-MM-DD'),
      }),
    );
    if (created) {
      message.success(t('common.saved'));
      onCreated(created);
      close();
    }
  };

  return (
    <Modal
      open={open}
      title={`${t('party.createOrg')}${kind ? `：${partyKindLabel(kind)}` : ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="party-org-form">
        <Form.Item label={t('party.parentOrg')}>
          <Typography.Text>{parent ? `${parent.name}（${partyKindLabel(parent.kind)}）` : t('party.topLevel')}</Typography.Text>
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input maxLength={100} data-testid="party-org-name" />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={`${t('party.node')}（${nodeKind ? kindLabel(nodeKind) : ''}）`}
          extra={parent ? t('party.nodeInsideParent', { name: parent.nodeName }) : undefined}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <TerritorySelect selectableKinds={nodeKind ? [nodeKind] : []} deepestKind={nodeKind} testId="party-org-node" />
        </Form.Item>
        <Form.Item name="establishedOn" label={t('party.establishedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AddPartyMemberModal({
  org,
  onClose,
  onAdded,
}: {
  org: PartyOrg | null;
  onClose: () => void;
  onAdded: (member: PartyMember) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ residentId: string; joinedOn?: Dayjs; status: 'full' | 'probationary'; inService: boolean }>();
  const { run, error, saving, clearError } = useApiForm(form, ['residentId', 'orgId', 'joinedOn', 'status', 'inService']);

  const close = () => {
    form.resetFields();
    clearError();
    onClose();
  };
  const onOk = async () => {
    if (!org) return;
    const v = await form.validateFields().catch(() => undefined);

    if (!v) return;
    const added = await run(() =>
      api.post<PartyMember>('/party/members', {
        orgId: org.id,
        residentId: v.residentId,
        joinedOn: v.joinedOn?.format('YYYY-MM-DD'),
        status: v.status,
        inService: v.inService,
      }),
    );
    if (added) {
      message.success(t('common.saved'));
      onAdded(added);
      close();
    }
  };
  return (
    <Modal
      open={org !== null}
      title={`${t('party.addMember')} · ${org?.name ?? ''}`}
      onOk={onOk}
      onCancel={close}
      confirmLoading={saving}
      destroyOnHidden
    >
      <FormError error={error} />
      <Form form={form} layout="vertical" data-testid="party-member-form" initialValues={{ status: 'full', inService: false }}>
        <Form.Item name="residentId" label={t('party.member')} rules={[{ required: true, message: t('common.required') }]}>
          <ResidentSelect nodeId={org?.nodeId ?? undefined} testId="party-member-resident" />
        </Form.Item>
        <Form.Item name="joinedOn" label={t('party.joinedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="status" label={t('common.status')}>
          <Radio.Group
            options={[
              { value: 'full', label: t('party.statuses.full') },
              { value: 'probationary', label: t('party.statuses.probationary') },
            ]}
          />
        </Form.Item>
        <Form.Item name="inService" label={t('party.inService')} valuePropName="checked" extra={t('party.inServiceHint')}>
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
