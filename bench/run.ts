// `npm run bench -- [foundation|demands|deliberation|ballots|web] [--driver pglite|postgres] [--quick] [--json]`: runs one
// benchmark of bench/ (the foundation benchmark by default) with the given flags (see each file's header).
// `uploads` measures how fast a zip bomb is refused and at what memory.
// `start` measures `npm start` on an empty DATA_DIR: cold_start_s, rss_mb_after_start (bench/start.ts).
// `web` measures the first-load bytes per route of the built web app (run `npm run build:web` first).
// `ballots` measures votes cast per second by 500 households at once, as a ratio to raw inserts.
// `deliberation` measures the topic pool board and the KPIs at county scope on a generated county, then ballots.
// `property` loads the 高密市 demo, solves the planner on its 186 compounds and times the county-scope property reads.
// `clusters` solves the cluster planner on 186 compounds with 5, 20 and 60 s limits (status, gap, subsidy).
export {};

const args = process.argv.slice(2);
const benchmark = args[0]?.startsWith('--') ? 'foundation' : (args.shift() ?? 'foundation');
if (benchmark === 'demands') {
  const { main } = await import('./demands.ts');
  await main(args);
} else if (benchmark === 'foundation') {
  const { main } = await import('./foundation.ts');
  await main(args);
} else if (benchmark === 'uploads') {
  const { main } = await import('./uploads.ts');
  await main(args);
} else if (benchmark === 'web') {
  const { main } = await import('./first-load.ts');
  await main(args);
} else if (benchmark === 'ballots') {
  const { main } = await import('./ballots.ts');
  await main(args);
} else if (benchmark === 'deliberation') {
  const { main } = await import('./deliberation.ts');
  await main(args);
} else if (benchmark === 'clusters') {
  const { main } = await import('./clusters.ts');
  await main(args);
} else if (benchmark === 'property') {
  const { main } = await import('./property.ts');
  await main(args);
} else if (benchmark === 'start') {
  const { main } = await import('./start.ts');
  await main(args);
} else {
  throw new Error(`unknown benchmark ${benchmark} (foundation, demands, ballots, deliberation, clusters, property, uploads, web or start)`);
}
