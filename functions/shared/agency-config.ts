import * as z from 'zod';
import type { ExplanationLanguage } from '../core/legal/claim-explanation';
import { optionalVariable, readConfig } from './config';

/**
 * The language the collection agency reads (COLLECTION_AGENCY_LANGUAGE, `nl` or `en`): the claim
 * file's explanations are in it, whatever language the debtor reads. Dutch by default.
 */
export function agencyLanguageFromEnvironment(env: NodeJS.ProcessEnv = process.env): ExplanationLanguage {
  const config = readConfig(
    z.object({ COLLECTION_AGENCY_LANGUAGE: optionalVariable(z.enum(['nl', 'en'])) }),
    env,
  );
  return config.COLLECTION_AGENCY_LANGUAGE ?? 'nl';
}
