import { fileURLToPath } from 'node:url';

/** The repository root: function entry points, the lock file and statemachines/ are found from here. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));
