import * as z from 'zod';
import { formatIban, validateIban } from '../core/payments/iban';
import type { PaymentReferenceScheme } from '../core/payments/payment-reference';
import type { Creditor } from '../templates/letter-input';
import { optionalVariable, readConfig } from './config';

/** The company that sends the invoices: signs every letter and receives every payment. */
export interface CreditorDetails extends Creditor {
  /** Printed in groups of four; only ever a valid SEPA IBAN (mod 97 checked at cold start). */
  iban: string;
  /** Electronic form of the IBAN, as the EPC QR code carries it. */
  ibanElectronic: string;
  bic?: string;
  /** The collection agency a final notice names; without it, "een incassobureau". */
  collectionAgency?: string;
  /** Which structured reference new invoices get (the webhook's intake makes them). */
  referenceScheme: PaymentReferenceScheme;
}

const creditorEnvironment = z.object({
  // At most 70 characters: the beneficiary name of the EPC QR code.
  CREDITOR_NAME: z.string().trim().min(1).max(70),
  CREDITOR_IBAN: z.string().superRefine((value, ctx) => {
    const result = validateIban(value);
    // A wrong IBAN on a letter sends the debtor's money to someone else, or nowhere.
    if (!result.valid) ctx.addIssue({ code: 'custom', message: `not a valid SEPA IBAN (${result.problem})` });
  }),
  CREDITOR_BIC: optionalVariable(
    z.string().regex(/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'not a valid BIC'),
  ),
  CREDITOR_EMAIL: optionalVariable(z.email()),
  CREDITOR_PHONE: optionalVariable(z.string().trim().min(1)),
  CREDITOR_WEBSITE: optionalVariable(z.url({ protocol: /^https?$/ })),
  CREDITOR_ADDRESS: optionalVariable(z.string().trim().min(1)),
  // Required outside dev by the deployment's own check (lib/config.ts).
  CREDITOR_KVK_NUMBER: optionalVariable(z.string().regex(/^\d{8}$/, 'not an 8-digit KvK number')),
  CREDITOR_VAT_ID: optionalVariable(z.string().regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, 'not a VAT id')),
  COLLECTION_AGENCY_NAME: optionalVariable(z.string().trim().min(1).max(200)),
  PAYMENT_REFERENCE_SCHEME: z.enum(['rf', 'betalingskenmerk']),
});

/**
 * Reads the creditor's details once, at module scope of the handlers that print them: a missing
 * name or a mistyped IBAN fails the cold start with a message, before any letter is written.
 */
export function readCreditor(env: NodeJS.ProcessEnv = process.env): CreditorDetails {
  const config = readConfig(creditorEnvironment, env);
  const ibanElectronic = config.CREDITOR_IBAN.replace(/\s+/g, '').toUpperCase();
  return {
    name: config.CREDITOR_NAME,
    iban: formatIban(ibanElectronic),
    ibanElectronic,
    referenceScheme: config.PAYMENT_REFERENCE_SCHEME,
    ...(config.CREDITOR_BIC ? { bic: config.CREDITOR_BIC } : {}),
    ...(config.CREDITOR_EMAIL ? { email: config.CREDITOR_EMAIL } : {}),
    ...(config.CREDITOR_PHONE ? { phone: config.CREDITOR_PHONE } : {}),
    ...(config.CREDITOR_WEBSITE ? { website: config.CREDITOR_WEBSITE } : {}),
    ...(config.CREDITOR_ADDRESS ? { address: config.CREDITOR_ADDRESS } : {}),
    ...(config.COLLECTION_AGENCY_NAME ? { collectionAgency: config.COLLECTION_AGENCY_NAME } : {}),
    ...(config.CREDITOR_KVK_NUMBER ? { kvkNumber: config.CREDITOR_KVK_NUMBER } : {}),
    ...(config.CREDITOR_VAT_ID ? { vatId: config.CREDITOR_VAT_ID } : {}),
  };
}
