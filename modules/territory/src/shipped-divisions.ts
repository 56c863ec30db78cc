import { fileURLToPath } from 'node:url';

/**
 * The national statistical division codes shipped with Linli (高密市, 文山市, 谯城区), as files to
 * give importDivisions in this order: the township file first, then the village file.
 */
export const shippedDivisionFiles: readonly string[] = ['streets_gaomi_wenshan_qiaocheng.csv', 'villages_gaomi_wenshan_qiaocheng.csv'].map(
  (name) => fileURLToPath(new URL(`../data/divisions/${name}`, import.meta.url)),
);
