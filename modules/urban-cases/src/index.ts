// The public interface of urban-cases: what other modules and the server may import.
//
// For the property module's KPI route:
// - `urbanCaseFigures(db, { tenantId, paths }, { nodeId?, from, to })`: cases closed in [from, to)
//   (China time) under the node within the scope paths → illegal structures removed and their m²,
//   tonnes of rubbish, parking spaces, chargers, clutter cases; the distinct compounds of renovation
//   projects accepted in the range; projects by status.
export * from './contract.ts';
export { urbanCaseFigures } from './figures.ts';
export { urbanCasesModule } from './module.ts';
