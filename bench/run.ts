// `npm run bench`: runs the benchmarks of bench/ with the given flags (see each file's header).
export {};

await import('./foundation.ts');
