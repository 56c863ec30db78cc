export * from './contract.ts';
export { workbenchModule } from './module.ts';
export { COUNT_CAP, readResidentHome, readWorkbench } from './workbench.ts';
