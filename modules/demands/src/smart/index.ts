/** Smart intake: category and level suggestion, similar demands, hot spots. Plain functions, no I/O. */
export * from './classifier.ts';
export * from './hotspots.ts';
export * from './similarity.ts';
export * from './synthetic-demands.ts';
export * from './tokenize.ts';
