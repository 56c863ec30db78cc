import {
  AppError,
  auditEntry,
  type ErrorDetail,
  type Idempotency,
  isValidPhone,
  type PersonalDataCipher,
  type RequestContext,
  recordAudit,
} from '@linli/core';
import type { Tx } from '@linli/db';
import type { SubmitDemandBody } from '@linli/demands';
import { submitDemand } from '@linli/demands';
import type { TerritoryRef } from '@linli/territory';
import { validateAttributes } from '../attributes.ts';
import type { Open311PostResult, ServiceRequestInput } from '../contract.ts';
import { type Open311ClientRecord, Open311Repository } from '../open311.repository.ts';
import { MAX_TEXT } from '../present.ts';

export interface SubmitServiceRequestOptions {
  clientIp: string | null;
  now?: Date;
}

/**
 * The Idempotency-Key of a client's POST request (runWrite replays the first answer to a retry
 * with the same key and parameters): keys are the client's own, so two clients never collide.
 */
export function serviceRequestIdempotency(client: Open311ClientRecord, key: string | undefined, input: ServiceRequestInput): Idempotency {
  return { key: key ? `open311:${client.id}:${key}` : undefined, tenantId: client.tenantId, accountId: client.accountId, request: input };
}

const CJK = /[\u3400-\u9fff]/;

/** 姓 + 名 for Chinese names (last_name first), "first last" otherwise. */
function fullName(first: string | undefined, last: string | undefined): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return undefined;
  return CJK.test(f + l) ? `${l}${f}` : [f, l].filter(Boolean).join(' ');
}

function coordinate(value: string | undefined, field: string, limit: number, errors: ErrorDetail[]): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  if (!/^\s*-?\d{1,3}(\.\d+)?\s*$/.test(value) || !Number.isFinite(n) || Math.abs(n) > limit) {
    errors.push({ field, reason: `is not a WGS84 coordinate between -${limit} and ${limit}`, value });
    return undefined;
  }
  return n;
}

/**
 * POST requests: a client's service request becomes a demand through submitDemand (channel web,
 * type report), which gives the number, deadlines, timeline, audit record and outbox event. The
 * client acts as an intake desk on the county for this one command, through its service account.
 * Location: address_id (a territory node id or code), else the deepest subdistrict / community /
 * compound named in address_string, else the county; lat/long and address_string are kept. A
 * phone makes the reporter a caller (stored encrypted and masked); without one the demand is
 * anonymous and names are not kept. The email is not stored.
 */
export async function submitServiceRequest(
  tx: Tx,
  cipher: PersonalDataCipher,
  client: Open311ClientRecord,
  input: ServiceRequestInput,
  options: SubmitServiceRequestOptions,
): Promise<Open311PostResult> {
  const tenantId = client.tenantId;
  const repo = new Open311Repository(tx);
  const errors: ErrorDetail[] = [];
  const code = input.service_code?.trim();
  if (!code) throw AppError.invalid([{ field: 'service_code', reason: 'is required' }], 'service_code is required');
  const service = await repo.serviceByCode(tenantId, code);
  if (!service) {
    throw AppError.invalid([{ field: 'service_code', reason: `${code} is not a service of this jurisdiction`, value: code }]);
  }

  const lat = coordinate(input.lat, 'lat', 90, errors);
  const lng = coordinate(input.long, 'long', 180, errors);
  if ((lat === undefined) !== (lng === undefined) && errors.length === 0) {
    errors.push({ field: lat === undefined ? 'lat' : 'long', reason: 'lat and long go together' });
  }
  const address = input.address_string?.trim() || undefined;
  if (address && [...address].length > 200) errors.push({ field: 'address_string', reason: 'is longer than 200 characters' });
  const addressId = input.address_id?.trim() || undefined;
  if (lat === undefined && !address && !addressId && !errors.some((e) => e.field === 'lat' || e.field === 'long')) {
    errors.push({ field: 'lat', reason: 'a location is required: lat and long, address_string or address_id' });
  }
  let place: TerritoryRef | undefined;
  if (addressId) {
    place = addressId.length <= 100 ? await repo.findPlace(tenantId, addressId) : undefined;
    if (!place) errors.push({ field: 'address_id', reason: 'is not a place of this jurisdiction', value: addressId.slice(0, 100) });
  } else if (address) {
    place = await repo.placeFromAddress(tenantId, address);
  }
  place ??= await repo.countyRoot(tenantId);
  if (!place) throw AppError.invalid([{ field: 'jurisdiction_id', reason: 'this jurisdiction has no territory yet' }]);

  const description = input.description?.trim() || service.name;
  // GeoReport v2: description is at most 4,000 characters.
  if ([...description].length > MAX_TEXT) errors.push({ field: 'description', reason: `is longer than ${MAX_TEXT} characters` });
  const mediaUrl = input.media_url?.trim() || null;
  if (mediaUrl && (mediaUrl.length > 1000 || !/^https?:\/\/[^\s]+$/i.test(mediaUrl))) {
    errors.push({ field: 'media_url', reason: 'is not an http(s) URL of at most 1000 characters' });
  }
  const phone = input.phone?.trim() || undefined;
  if (phone && !isValidPhone(phone)) errors.push({ field: 'phone', reason: 'is not a valid phone number' });
  const name = fullName(input.first_name, input.last_name);
  if (phone && name && [...name].length > 50)
    errors.push({ field: 'last_name', reason: 'first_name and last_name together are longer than 50 characters' });
  const attributes = validateAttributes(service.attributes, input.attributes);
  errors.push(...attributes.errors);
  if (errors.length > 0) throw AppError.invalid(errors);

  const county = place.kind === 'county' ? place : await repo.countyRoot(tenantId);
  if (!county) throw AppError.invalid([{ field: 'jurisdiction_id', reason: 'this jurisdiction has no territory yet' }]);
  const ctx: RequestContext = {
    actor: {
      accountId: client.accountId,
      username: client.username,
      displayName: `Open311: ${client.name}`,
      tenantId,
      // In memory only, for this command: the service account holds no grant and cannot sign in.
      grants: [{ id: client.id, role: 'county_staff', nodeId: county.id, path: county.path, nodeKind: 'county', nodeName: county.name }],
    },
    clientIp: options.clientIp,
  };
  const body: SubmitDemandBody = {
    channel: 'web',
    type: 'report',
    categoryId: service.id,
    description,
    nodeId: place.id,
    ...(address ? { address } : {}),
    ...(lat !== undefined && lng !== undefined ? { lat, lng } : {}),
    reporter: phone ? { kind: 'caller', phone, ...(name ? { name } : {}) } : { kind: 'anonymous' },
  };
  const demand = await submitDemand(tx, cipher, ctx, body, { now: options.now });
  await repo.linkRequest({ tenantId, demandId: demand.id, clientId: client.id, mediaUrl, attributes: attributes.values });
  await recordAudit(
    tx,
    auditEntry(
      ctx,
      'open311.request.create',
      { type: 'demand', id: demand.id },
      {
        number: demand.number,
        clientId: client.id,
        serviceCode: service.code,
        attributeCodes: Object.keys(attributes.values),
      },
    ),
  );
  return { service_request_id: demand.number, token: demand.id, service_notice: null, account_id: null };
}
