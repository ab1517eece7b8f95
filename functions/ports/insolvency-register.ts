import type { InsolvencyRegisterEntry } from '../core/special/insolvency-register';

/**
 * The central insolvency register (CIR), asked by Chamber of Commerce number. The first adapter
 * is manual entry: what the special team read in the register and entered
 * (`POST /insolvency-register/entries`); an adapter for the register's own web service can take
 * its place behind the same port.
 */
export interface InsolvencyRegister {
  /** The publications on this KvK number, oldest decision first; none when the register has nothing. */
  publicationsFor(kvkNumber: string): Promise<InsolvencyRegisterEntry[]>;
}
