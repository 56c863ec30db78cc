export { createMapping } from './commands/create-mapping.ts';
export { type ImportDemandsDeps, type ImportDemandsInput, importDemands, previewImport } from './commands/import-demands.ts';
export * from './contract.ts';
export { demandImportModule } from './module.ts';
export { hotline12345Config, importPresets, nyc311Config, nyc311Config2022 } from './presets.ts';
