import * as z from 'zod';
import type { ColleagueLanguage } from '../templates/colleagues/colleague-words';
import { optionalVariable, readConfig } from './config';

/**
 * The language the company works in: call briefs are written in it, and alerts to an account
 * manager whose own language is not known. `BUSINESS_LANGUAGE` (nl or en), Dutch when unset.
 */
export function readBusinessLanguage(env: NodeJS.ProcessEnv = process.env): ColleagueLanguage {
  const config = readConfig(z.object({ BUSINESS_LANGUAGE: optionalVariable(z.enum(['nl', 'en'])) }), env);
  return config.BUSINESS_LANGUAGE ?? 'nl';
}
