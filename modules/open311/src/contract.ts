import { type Static, Type } from 'typebox';

/**
 * Open311 GeoReport v2 shapes (http://wiki.open311.org/GeoReport_v2). Field names are the spec's
 * own (snake_case); every identifier is sent as a string (the spec's examples show numbers with
 * leading zeros, which are not valid JSON). The element order of each object is the order of the
 * XML elements in the spec's examples.
 */

export const attributeDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type AttributeDatatype = (typeof attributeDatatypes)[number];

/** One Open311 attribute of a category, as configured and stored (demand_category.open311_attributes). */
export const AttributeDefinition = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: 'sent back as attribute[code]' }),
    datatype: Type.Enum(attributeDatatypes),
    required: Type.Boolean(),
    description: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'the question asked of the reporter' }),
    order: Type.Integer({ minimum: 1, maximum: 1000 }),
    datatype_description: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    values: Type.Optional(
      Type.Array(
        Type.Object(
          { key: Type.String({ pattern: '^[^\\s,]{1,60}$' }), name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type AttributeDefinition = Static<typeof AttributeDefinition>;
export const AttributeDefinitions = Type.Array(AttributeDefinition, { maxItems: 50 });

/** Attribute values as kept on the demand: a string, or a list of keys for a multivaluelist. */
export type AttributeValues = Record<string, string | string[]>;

export type Open311Status = 'open' | 'closed';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: {
    variable: boolean;
    code: string;
    datatype: AttributeDatatype;
    required: boolean;
    datatype_description: string | null;
    order: number;
    description: string;
    values: { key: string; name: string }[];
  }[];
}

export interface Open311Request {
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface Open311PostResult {
  service_request_id: string;
  token: string;
  service_notice: string | null;
  account_id: string | null;
}

export interface Open311Token {
  service_request_id: string;
  token: string;
}

/** servicerequestupdates extension: one entry of a request's timeline. */
export interface Open311Update {
  update_id: string;
  service_request_id: string;
  status: Open311Status;
  updated_datetime: string;
  description: string | null;
  media_url: string | null;
}

export interface Open311Error {
  code: number;
  description: string;
}

/** The parameters of POST requests, after form or JSON parsing (attribute[code] kept apart). */
export interface ServiceRequestInput {
  jurisdiction_id?: string;
  service_code?: string;
  lat?: string;
  long?: string;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  attributes: Record<string, string[]>;
}

/** Query of GET requests. */
export interface RequestQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
}

/** Longest period GET requests and servicerequestupdates answer, and their default. */
export const MAX_RANGE_DAYS = 90;
/** Most rows one GET requests or servicerequestupdates returns. */
export const MAX_RESULTS = 1000;
