import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { seedDemo } from './seed/demo';
import { loadReferenceData } from './seed/reference-data';

/**
 * Reference data (areas, categories) is brought up to date at every start;
 * the demo province is loaded only into an empty database.
 */
export async function prepareData(ds: DataSource, config: Config, log: (msg: string) => void): Promise<boolean> {
  await loadReferenceData(ds);
  if (!config.seedOnEmpty) return false;
  const rows: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM cooperative`);
  if ((rows[0]?.n ?? 0) > 0) return false;
  log('Empty database: loading the Trà Vinh demo province…');
  // All or nothing: an interrupted first start leaves an empty database that loads again next time.
  const summary = await ds.transaction((em) => seedDemo(em, { seed: 753, scale: 1 }));
  log(`Demo data loaded: ${summary.cooperatives} cooperatives, ${summary.products} products, ${summary.businesses} businesses.`);
  return true;
}
