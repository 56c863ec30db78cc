export * from './contract.ts';
export { DepartmentRepository } from './department.repository.ts';
export { departmentsModule } from './module.ts';
