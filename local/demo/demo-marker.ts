import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a restart needs to pick the demo up where it was. */
export interface DemoMarker {
  /** Virtual time at which the portfolio was loaded: the portfolio is rebuilt from it. */
  loadedAt: string;
  /** 'loading' until the load ran to its end; a restart loads again (redeliveries are harmless). */
  status: 'loading' | 'loaded';
  paymentsPosted: string[];
  /** The line the demo logged when its collection agency collected on a claim: it does so once. */
  agencyCollected?: string;
}

export interface MarkerStore {
  read(): DemoMarker | undefined;
  write(marker: DemoMarker): void;
}

const MARKER_FILE = 'demo-loaded.json';

/** Kept next to the persisted data, so that `--fresh` forgets both; in memory when nothing persists. */
export function markerStore(dataDir: string | undefined): MarkerStore {
  if (!dataDir) {
    let kept: DemoMarker | undefined;
    return {
      read: () => kept,
      write: (marker) => {
        kept = marker;
      },
    };
  }
  const file = join(dataDir, MARKER_FILE);
  return {
    read: () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoMarker) : undefined),
    write: (marker) => {
      // Written aside and renamed, so that a stop halfway never leaves half a file.
      writeFileSync(`${file}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
      renameSync(`${file}.tmp`, file);
    },
  };
}
