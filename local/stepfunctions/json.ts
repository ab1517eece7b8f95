import { isDeepStrictEqual } from 'node:util';
import type { JsonValue } from './library';

export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether two JSON texts hold the same value, whatever their spacing and key order. */
export function sameJson(a: string, b: string): boolean {
  return isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
}

/** JSON text as the Step Functions API carries it: a value that is absent travels as null. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value ?? null);
}
