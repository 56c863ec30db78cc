// `npm run bench -- [foundation|demands] [--driver pglite|postgres] [--quick] [--json]`: runs one
// benchmark of bench/ (the foundation benchmark by default) with the given flags (see each file's header).
export {};

const args = process.argv.slice(2);
const benchmark = args[0]?.startsWith('--') ? 'foundation' : (args.shift() ?? 'foundation');
if (benchmark === 'demands') {
  const { main } = await import('./demands.ts');
  await main(args);
} else if (benchmark === 'foundation') {
  const { main } = await import('./foundation.ts');
  await main(args);
} else {
  throw new Error(`unknown benchmark ${benchmark} (foundation or demands)`);
}
