import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release(): void;
}

/**
 * Embedded PGlite is a single-process database: two processes on one data directory would corrupt
 * it. The first process writes its pid into DATA_DIR/linli.lock; a second one is refused with a
 * message that says which process holds the directory. A lock left by a process that died is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, 'linli.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `DATA_DIR ${path.resolve(dataDir)} is in use by process ${holder}. The embedded database serves one process only: ` +
            'stop that process, use another DATA_DIR, or set DATABASE_URL to a PostgreSQL server to run several processes.',
        );
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock DATA_DIR ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
