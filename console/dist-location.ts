import { fileURLToPath } from 'node:url';

/** Where the built console lies (index.html and its assets): written by console/build.ts, served locally. */
export const CONSOLE_DIST = fileURLToPath(new URL('./dist', import.meta.url));
