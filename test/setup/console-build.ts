import { ensureConsoleBuilt } from '../../console/build';

/** The console's browser tests open the built app: build it once per run, when its inputs changed. */
export default async function buildConsole(): Promise<void> {
  await ensureConsoleBuilt();
}
