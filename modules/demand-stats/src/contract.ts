// The API schemas of the module: KPIs (with breakdowns and rankings) and the public notice board.
export * from './board.contract.ts';
export * from './kpi.contract.ts';
