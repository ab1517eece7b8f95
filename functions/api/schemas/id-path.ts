import * as z from 'zod';
import { recordId } from './fields';

/** The path of every route named by one record's id: in a module of its own, so that loading it builds nothing else. */
export const idPath = z.object({
  id: recordId.describe('The record id'),
});
