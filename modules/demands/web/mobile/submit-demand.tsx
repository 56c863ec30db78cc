import { API_BASE, ApiError, api } from '@linli/web-kit/client';
import { useCurrentUser } from '@linli/web-kit/current-user';
import type { Grant } from '@linli/web-kit/types';
import { Button, Checkbox, Dialog, Form, type ImageUploadItem, Input, List, Radio, Selector, TextArea, Toast } from 'antd-mobile';
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type Category,
  type Demand,
  type DemandFeatures,
  type DemandType,
  demandFeatures,
  demandsApi,
  demandTypes,
  idOfLabel,
  newIdempotencyKey,
  openStatuses,
  type SimilarDemand,
} from '../api.ts';
import { statusLabel, typeLabel } from '../demand-labels.ts';
import { uploadProblem } from '../upload-problem.ts';

// The photo grid (antd-mobile's ImageUploader with its image viewer and gesture library) loads after
// the form: it was the largest part of this page's first load (budget 200 KiB, e2e/web-entries).
const SubmitPhotos = lazy(() => import('./submit-photos.tsx'));

interface Place {
  id: string;
  label: string;
}

/**
 * Places a resident can report at, from their household grant: the household itself, then its entrance,
 * building, compound and community (ancestors are the labels of the grant's ltree path, root first:
 * county, subdistrict, community, compound, building, [entrance,] household).
 */
export function placesOf(grant: Grant, t: (key: string, options?: object) => string): Place[] {
  const labels = (grant.path ?? '').split('.').filter(Boolean);
  if (labels.length < 4) return [{ id: grant.nodeId, label: grant.nodeName ?? '' }];
  const ids = labels.map(idOfLabel);
  const places: Place[] = [{ id: grant.nodeId, label: t('demands.mobile.placeHousehold', { name: grant.nodeName }) }];
  if (labels.length >= 7) places.push({ id: ids[5]!, label: t('demands.mobile.placeEntrance') });
  if (labels.length >= 6) places.push({ id: ids[4]!, label: t('demands.mobile.placeBuilding') });
  places.push({ id: ids[3]!, label: t('demands.mobile.placeCompound') });
  places.push({ id: ids[2]!, label: t('demands.mobile.placeCommunity') });
  return places;
}

interface Values {
  type: DemandType[];
  top: string[];
  sub: string[];
  title?: string;
  description?: string;
  nodeId: string;
  address?: string;
  /** 仅工作人员可见: never on the notice board or Open311. */
  staffOnly?: boolean;
}

/** The description's limit, as the server's (UTF-16 units, like its maxLength). */
export const DESCRIPTION_MAX = 5000;
/** What the server takes as a photo, and its size limit. */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'];
const PHOTO_MAX_MB = 10;

/** A photo that was not uploaded, and why: shown until the resident removes it. */
interface FailedPhoto {
  key: number;
  name: string;
  reason: string;
}

/** Reporting a problem: category, text, place in the resident's home compound, photos; similar open demands are offered first. */
export default function SubmitDemand() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [categories, setCategories] = useState<Category[]>([]);
  const [features, setFeatures] = useState<DemandFeatures | null>(null);
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [similar, setSimilar] = useState<SimilarDemand[] | null>(null);
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [locating, setLocating] = useState(false);
  // Photos still uploading: submitting now would leave them out.
  const [uploading, setUploading] = useState(0);
  // Photos that failed: the resident removes or replaces them before submitting.
  const [failed, setFailed] = useState<FailedPhoto[]>([]);
  const failedKey = useRef(0);
  // The category the description suggests, shown beside the resident's choice (never chosen for them).
  const [suggested, setSuggested] = useState<{ topId: string; subId?: string; name: string } | null>(null);
  const suggestRound = useRef(0);
  // One key for the life of the form: a retried submission (lost answer, double tap) returns the first demand.
  const idempotencyKey = useRef(newIdempotencyKey());
  const top = Form.useWatch('top', form) as string[] | undefined;
  const tr = t as unknown as (key: string, options?: object) => string;

  const home = (me?.grants ?? []).find((g) => g.role === 'resident' || g.nodeKind === 'household');
  const places = useMemo(() => (home ? placesOf(home, tr) : []), [home, tr]);

  useEffect(() => {
    demandsApi
      .categories()
      .then(setCategories)
      .catch(() => setCategories([]));
    void demandFeatures().then(setFeatures);
  }, []);
  useEffect(() => {
    if (places[0] && !form.getFieldValue('nodeId')) form.setFieldValue('nodeId', places[0].id);
  }, [places, form]);

  const subcategories = categories.find((c) => c.id === top?.[0])?.children ?? [];

  /**
   * The description suggests a category, shown as a suggestion with 采用 beside the categories: it
   * never changes what the resident picked (the answer may come after they tapped one). Only the
   * answer to the latest description counts.
   */
  const suggestCategory = async () => {
    const description = (form.getFieldValue('description') as string | undefined)?.trim();
    if (!features?.suggest || !description || description.length > DESCRIPTION_MAX) return;
    const round = ++suggestRound.current;
    try {
      const s = await demandsApi.suggest({ description });
      if (round !== suggestRound.current) return;
      const best = s.categories[0];
      const parent = best && categories.find((c) => c.id === best.categoryId || c.children.some((k) => k.id === best.categoryId));
      setSuggested(
        best && parent ? { topId: parent.id, subId: parent.id === best.categoryId ? undefined : best.categoryId, name: best.name } : null,
      );
    } catch {
      // a suggestion is a convenience: without it the resident chooses
    }
  };
  const subChosen = Form.useWatch('sub', form) as string[] | undefined;
  const suggestionDiffers =
    suggested !== null && (top?.[0] !== suggested.topId || (suggested.subId !== undefined && subChosen?.[0] !== suggested.subId));

  const addFailed = (name: string, reason: string) => setFailed((list) => [...list, { key: ++failedKey.current, name, reason }]);
  const photoProblem = (file: File): string | null => {
    if (file.type && !PHOTO_TYPES.includes(file.type)) return tr('demands.photos.wrongType');
    if (file.size > PHOTO_MAX_MB * 1024 * 1024) return tr('demands.photos.tooLarge', { max: PHOTO_MAX_MB });
    return null;
  };

  const send = async (values: Values) => {
    setSaving(true);
    try {
      const attachmentIds = photos.map((p) => (p.extra as { id?: string } | undefined)?.id).filter((id): id is string => Boolean(id));
      const created = await api.post<Demand>(
        '/demands',
        {
          channel: 'mobile',
          type: values.type[0],
          categoryId: values.sub?.[0] ?? values.top[0],
          title: values.title?.trim() || undefined,
          description: values.description?.trim(),
          nodeId: values.nodeId,
          address: values.address?.trim() || undefined,
          ...(values.staffOnly ? { staffOnly: true } : {}),
          ...(position ? { lat: position.lat, lng: position.lng } : {}),
          ...(attachmentIds.length ? { attachmentIds } : {}),
        },
        { headers: { 'idempotency-key': idempotencyKey.current } },
      );
      Toast.show({ icon: 'success', content: t('demands.mobile.submitted', { number: created.number }) });
      navigate(`/m/demands/${created.id}`, { replace: true });
    } catch (e) {
      const details = e instanceof ApiError ? e.detailList.map((d) => `${String(d.field ?? '')} ${String(d.reason ?? '')}`).join('\n') : '';
      Dialog.alert({ content: details || (e instanceof Error ? e.message : String(e)) });
    } finally {
      setSaving(false);
    }
  };

  const onFinish = async (values: Values) => {
    if (features?.suggest && similar === null) {
      try {
        const s = await demandsApi.suggest({
          title: values.title?.trim() || undefined,
          description: values.description?.trim() ?? '',
          nodeId: values.nodeId,
          ...(position ?? {}),
        });
        const open = s.similar.filter((d) => openStatuses.includes(d.status));
        if (open.length > 0) {
          setSimilar(open);
          return;
        }
      } catch {
        // no suggestions: submit as usual
      }
    }
    await send(values);
  };

  if (!home) return <List.Item>{t('demands.mobile.noHousehold')}</List.Item>;

  return (
    <div data-testid="m-submit-demand">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: ['help'], top: [], sub: [] }}
        onFinish={onFinish}
        footer={
          similar === null && (
            <Button
              block
              type="submit"
              color="primary"
              size="large"
              loading={saving}
              disabled={uploading > 0 || failed.length > 0}
              data-testid="m-submit"
            >
              {t('demands.actions.submit')}
            </Button>
          )
        }
      >
        <Form.Header>{t('demands.mobile.newTitle')}</Form.Header>
        <Form.Item
          name="description"
          label={t('demands.mobile.describe')}
          rules={[
            { required: true, whitespace: true, message: t('common.required') },
            {
              // Pasted text is never cut: it is counted, and refused with the count until shortened.
              validator: (_rule, value: string | undefined) =>
                (value ?? '').length > DESCRIPTION_MAX
                  ? Promise.reject(new Error(t('demands.text.tooLong', { max: DESCRIPTION_MAX, count: (value ?? '').length })))
                  : Promise.resolve(),
            },
          ]}
        >
          <TextArea
            rows={4}
            showCount={(length) => (
              <span
                data-testid="m-description-count"
                style={length > DESCRIPTION_MAX ? { color: 'var(--adm-color-danger)', fontWeight: 600 } : undefined}
              >
                {t('demands.text.count', { count: length, max: DESCRIPTION_MAX })}
              </span>
            )}
            onBlur={() => void suggestCategory()}
            data-testid="m-description"
          />
        </Form.Item>
        <Form.Item
          name="top"
          label={t('demands.fields.category')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <Selector
            columns={3}
            options={categories.map((c) => ({ label: c.name, value: c.id }))}
            onChange={() => form.setFieldValue('sub', [])}
            data-testid="m-category"
          />
        </Form.Item>
        {suggested && suggestionDiffers && (
          <div
            style={{ padding: '0 16px 12px', fontSize: 14, color: 'var(--adm-color-weak)', background: 'var(--adm-color-background)' }}
            data-testid="m-category-suggestion"
          >
            <span>{t('demands.mobile.suggestion', { name: suggested.name })}</span>
            <span> · </span>
            <Button
              size="mini"
              color="primary"
              fill="none"
              data-testid="m-category-adopt"
              onClick={() => form.setFieldsValue({ top: [suggested.topId], sub: suggested.subId ? [suggested.subId] : [] })}
            >
              {t('demands.mobile.adopt')}
            </Button>
          </div>
        )}
        {subcategories.length > 0 && (
          <Form.Item name="sub" label={t('demands.mobile.subcategory')}>
            <Selector columns={3} options={subcategories.map((c) => ({ label: c.name, value: c.id }))} data-testid="m-subcategory" />
          </Form.Item>
        )}
        <Form.Item
          name="type"
          label={t('demands.fields.type')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <Selector columns={3} options={demandTypes.map((d) => ({ label: typeLabel(d), value: d }))} />
        </Form.Item>
        <Form.Item name="title" label={t('demands.mobile.titleOptional')}>
          <Input maxLength={100} clearable />
        </Form.Item>
        <Form.Item name="nodeId" label={t('demands.mobile.place')} rules={[{ required: true, message: t('common.required') }]}>
          <Radio.Group>
            <div style={{ display: 'grid', gap: 8 }} data-testid="m-place">
              {places.map((p) => (
                <Radio key={p.id} value={p.id}>
                  {p.label}
                </Radio>
              ))}
            </div>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="address" label={t('demands.fields.address')}>
          <Input maxLength={200} clearable placeholder={t('demands.mobile.addressHint')} />
        </Form.Item>
        <Form.Item
          label={t('demands.fields.coordinates')}
          extra={
            position ? (
              <Button size="mini" fill="none" onClick={() => setPosition(null)}>
                {t('common.delete')}
              </Button>
            ) : undefined
          }
        >
          {position ? (
            <span data-testid="m-position">
              {position.lat.toFixed(5)}, {position.lng.toFixed(5)}
            </span>
          ) : (
            <Button
              size="small"
              loading={locating}
              data-testid="m-locate"
              onClick={() => {
                if (!navigator.geolocation) return;
                setLocating(true);
                navigator.geolocation.getCurrentPosition(
                  (p) => {
                    setPosition({ lat: p.coords.latitude, lng: p.coords.longitude });
                    setLocating(false);
                  },
                  () => {
                    setLocating(false);
                    Toast.show({ content: t('demands.mobile.locateFailed') });
                  },
                  { enableHighAccuracy: true, timeout: 10_000 },
                );
              }}
            >
              {t('demands.mobile.locate')}
            </Button>
          )}
        </Form.Item>
        <Form.Item name="staffOnly" valuePropName="checked" help={t('demands.mobile.staffOnlyHelp')}>
          <Checkbox data-testid="m-staff-only">{t('demands.mobile.staffOnly')}</Checkbox>
        </Form.Item>
        {features?.attachments && (
          <Form.Item label={t('demands.fields.photos')} help={t('demands.mobile.photoLimit')}>
            <Suspense fallback={null}>
              <SubmitPhotos
                value={photos}
                onChange={setPhotos}
                onPending={setUploading}
                check={photoProblem}
                onFailed={addFailed}
                upload={async (file) => {
                  try {
                    const a = await demandsApi.upload(file);
                    return { key: a.id, url: `${API_BASE}/demand-attachments/${a.id}`, extra: { id: a.id } };
                  } catch (e) {
                    addFailed(file.name, uploadProblem(e, tr, PHOTO_MAX_MB));
                    throw e;
                  }
                }}
              />
            </Suspense>
            {failed.length > 0 && (
              <div
                style={{ marginTop: 8, color: 'var(--adm-color-danger)', fontSize: 13, display: 'grid', gap: 6 }}
                data-testid="m-photo-errors"
                role="alert"
              >
                {failed.map((f) => (
                  <div key={f.key} style={{ display: 'flex', gap: 8, alignItems: 'center', justifyContent: 'space-between' }}>
                    <span>{t('demands.photos.failed', { name: f.name, reason: f.reason })}</span>
                    <Button
                      size="mini"
                      color="danger"
                      fill="outline"
                      // 移除 on one line however long the reason beside it.
                      style={{ flexShrink: 0, whiteSpace: 'nowrap' }}
                      data-testid="m-photo-remove"
                      onClick={() => setFailed((list) => list.filter((x) => x.key !== f.key))}
                    >
                      {t('demands.photos.remove')}
                    </Button>
                  </div>
                ))}
                <div>{t('demands.photos.fixFirst')}</div>
              </div>
            )}
          </Form.Item>
        )}
      </Form>
      {similar !== null && (
        <div style={{ padding: 12 }} data-testid="m-similar">
          <List header={t('demands.mobile.similarTitle')}>
            {similar.map((s) => (
              <List.Item
                key={s.id}
                description={`${s.number} · ${statusLabel(s.status)}`}
                onClick={s.mine ? () => navigate(`/m/demands/${s.id}`) : undefined}
                extra={s.mine ? t('demands.mobile.yours') : undefined}
              >
                {s.title}
              </List.Item>
            ))}
          </List>
          <p style={{ color: '#888', fontSize: 13 }}>{t('demands.mobile.similarHint')}</p>
          <Button block color="primary" onClick={() => navigate('/m/demands', { replace: true })} data-testid="m-same-problem">
            {t('demands.mobile.sameProblem')}
          </Button>
          <div style={{ height: 8 }} />
          <Button
            block
            color="primary"
            fill="outline"
            loading={saving}
            onClick={() => void send(form.getFieldsValue(true) as Values)}
            data-testid="m-submit-anyway"
          >
            {t('demands.mobile.submitAnyway')}
          </Button>
        </div>
      )}
    </div>
  );
}
