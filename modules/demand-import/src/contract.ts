import { ImportRowError, Uuid } from '@linli/core/contract-types';
import { Channel, DemandType, Status } from '@linli/demands/contract';
import { demandChannels } from '@linli/demands/vocabulary';
import { type Static, Type } from 'typebox';
import { dateFormats, type importFields, importStatuses } from './vocabulary.ts';

export { dateFormats, importFields, importStatuses } from './vocabulary.ts';

/**
 * Schemas of work-order import and export (12345 hotline files and the like): saved column
 * mappings, the import job and its row errors, the inspection of an uploaded file, the export query.
 */

export const DateFormat = Type.Enum(dateFormats);
export type DateFormat = Static<typeof DateFormat>;

export const ImportStatus = Type.Enum(importStatuses);
export type ImportStatus = Static<typeof ImportStatus>;

const Column = Type.String({ minLength: 1, maxLength: 200, description: 'a header of the source file, exactly as written' });
const OptionalColumn = Type.Optional(Type.Union([Column, Type.Null()]));
const CategoryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const DepartmentCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const SourceValue = { maxProperties: 1000 };

/** Which column of the source holds which field of a demand. */
export const ImportColumns = Type.Object(
  {
    externalId: Column,
    submittedAt: Column,
    closedAt: OptionalColumn,
    /**
     * When the work order was accepted (our responded_at), dispatched to a handling unit, and
     * resolved (when the source tells it apart from closing). Optional and absent from mappings
     * saved before they existed; missing times are derived as the README says.
     */
    acceptedAt: OptionalColumn,
    dispatchedAt: OptionalColumn,
    resolvedAt: OptionalColumn,
    status: OptionalColumn,
    title: OptionalColumn,
    description: Type.Array(Column, { minItems: 1, maxItems: 5, description: 'non-empty values joined with " / "' }),
    channel: OptionalColumn,
    type: OptionalColumn,
    category: OptionalColumn,
    node: OptionalColumn,
    address: OptionalColumn,
    lat: OptionalColumn,
    lng: OptionalColumn,
    reporterName: OptionalColumn,
    reporterPhone: OptionalColumn,
    resolution: OptionalColumn,
    /**
     * The agency or department that handles the work order (e.g. NYC 311's Agency): through the
     * department value map (or as a department code or name) it gives the demand its handling unit.
     */
    department: OptionalColumn,
  },
  { additionalProperties: false },
);
export type ImportColumns = Static<typeof ImportColumns>;
export type ImportField = keyof ImportColumns;
// The web's list of fields (vocabulary.ts) names exactly the columns of a mapping.
const sameFields: [ImportField, (typeof importFields)[number]] extends [(typeof importFields)[number], ImportField] ? true : never = true;
void sameFields;

export const DemandImportConfig = Type.Object(
  {
    columns: ImportColumns,
    /** Used when the field has no column, or the column's value is not in the value map. */
    defaults: Type.Object(
      {
        channel: Channel,
        type: DemandType,
        categoryCode: Type.Union([CategoryCode, Type.Null()], { description: 'null: an unmapped category value is a row error' }),
        nodeId: Type.Union([Uuid, Type.Null()], { description: 'null: the county, or a row error when a location column is mapped' }),
      },
      { additionalProperties: false },
    ),
    valueMaps: Type.Object(
      {
        channel: Type.Record(Type.String(), Channel, SourceValue),
        type: Type.Record(Type.String(), DemandType, SourceValue),
        category: Type.Record(Type.String(), CategoryCode, SourceValue),
        status: Type.Record(Type.String(), ImportStatus, SourceValue),
        /** Source agency → our department code (absent from mappings saved before it existed). */
        department: Type.Optional(Type.Record(Type.String(), DepartmentCode, SourceValue)),
      },
      { additionalProperties: false },
    ),
    dateFormat: DateFormat,
    timeZone: Type.String({ minLength: 1, maxLength: 64, default: 'Asia/Shanghai', description: 'IANA zone of the source dates' }),
  },
  { additionalProperties: false },
);
export type DemandImportConfig = Static<typeof DemandImportConfig>;

const MappingName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const ImportMapping = Type.Object({
  id: Uuid,
  name: Type.String(),
  config: DemandImportConfig,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
export type ImportMapping = Static<typeof ImportMapping>;

export const CreateMappingBody = Type.Object({ name: MappingName, config: DemandImportConfig }, { additionalProperties: false });
export type CreateMappingBody = Static<typeof CreateMappingBody>;
export const UpdateMappingBody = Type.Object(
  { name: MappingName, config: DemandImportConfig, version: Type.Integer({ minimum: 1, description: 'the version the caller saw' }) },
  { additionalProperties: false },
);
export type UpdateMappingBody = Static<typeof UpdateMappingBody>;
export const MappingParams = Type.Object({ id: Uuid });
export const JobParams = Type.Object({ jobId: Uuid });

export const ImportPreset = Type.Object({ key: Type.String(), name: Type.String(), config: DemandImportConfig });
export type ImportPreset = Static<typeof ImportPreset>;

export { ImportJob, ImportRowError as RowError } from '@linli/core/contract-types';

export const ImportResult = Type.Object({
  jobId: Uuid,
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer({
    description:
      're-imported rows whose status, times and resolution (and category and channel, when updated too) were already as in the file',
  }),
});
export type ImportResult = Static<typeof ImportResult>;

/**
 * What importing a file would do, before anything is written: how many rows are new and how many
 * update demands already imported, and of those how many would get another category or channel
 * (written only when the import is asked to update category and channel too).
 */
export const ImportPreview = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer({ description: 'rows with an external id not imported yet' }),
  existing: Type.Integer({ description: 'rows updating a demand imported before' }),
  categoryChanges: Type.Integer({ description: 'existing demands whose category the file maps differently' }),
  channelChanges: Type.Integer({ description: 'existing demands whose channel the file maps differently' }),
  classificationChanges: Type.Integer({ description: 'existing demands whose category or channel would change' }),
  errors: Type.Array(ImportRowError, { description: 'row errors: the file would not import (all or nothing)' }),
});
export type ImportPreview = Static<typeof ImportPreview>;

/** What an uploaded file holds, so a mapping can be made from its header and values. */
export const FileInspection = Type.Object({
  headers: Type.Array(Type.String()),
  rows: Type.Integer(),
  samples: Type.Array(Type.Record(Type.String(), Type.String()), { description: 'the first five data rows' }),
  values: Type.Record(Type.String(), Type.Array(Type.String()), {
    description: 'distinct values of each column that has at most 200 of them (for value maps)',
  }),
});
export type FileInspection = Static<typeof FileInspection>;

export const ExportQuery = Type.Object({
  mappingId: Uuid,
  status: Type.Optional(Status),
  channel: Type.Optional(Type.Enum(demandChannels)),
  categoryId: Type.Optional(Uuid),
  nodeId: Type.Optional(Uuid),
  from: Type.Optional(Type.String({ format: 'date', description: 'submitted on or after (Asia/Shanghai day)' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'submitted on or before (Asia/Shanghai day)' })),
  importedOnly: Type.Optional(Type.Boolean({ description: 'only demands that carry an external id' })),
});
export type ExportQuery = Static<typeof ExportQuery>;
export const TemplateQuery = Type.Object({ mappingId: Uuid });
