/** Capacity units DynamoDB reported for one call, split by what they are billed as. */
export interface CapacityUnits {
  read: number;
  write: number;
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** The operation of a DynamoDB JSON-protocol request, from `X-Amz-Target: DynamoDB_20120810.GetItem`. */
export function operationOf(target: string | undefined): string | undefined {
  const dot = target?.lastIndexOf('.') ?? -1;
  return target && dot >= 0 ? target.slice(dot + 1) : undefined;
}

/** Whether the response of this operation can carry ConsumedCapacity worth reading. */
export function isMetered(operation: string | undefined): boolean {
  return operation !== undefined && (READS.has(operation) || WRITES.has(operation));
}

/**
 * The units one response reports. DynamoDB reports a call's units as `CapacityUnits`, an object
 * for single-item calls and queries and an array (one entry per table) for batches and
 * transactions, without saying whether they are read or write units: that follows from the
 * operation. Transactions already report the doubled units AWS bills for them (DynamoDB Local
 * does the same: two 1 KB puts in a TransactWriteItems report 4 units), and writes include the
 * units of the global secondary indexes they update.
 */
export function consumedUnits(operation: string | undefined, response: unknown): CapacityUnits {
  if (!isMetered(operation) || typeof response !== 'object' || response === null) {
    return { read: 0, write: 0 };
  }
  const consumed = (response as { ConsumedCapacity?: unknown }).ConsumedCapacity;
  const entries = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  let units = 0;
  for (const entry of entries) {
    const value = (entry as { CapacityUnits?: unknown } | null)?.CapacityUnits;
    if (typeof value === 'number') units += value;
  }
  return READS.has(operation as string) ? { read: units, write: 0 } : { read: 0, write: units };
}

/** A call's units split into the table's and each global secondary index's (ReturnConsumedCapacity INDEXES). */
export interface CapacitySplit {
  table: number;
  indexes: Record<string, number>;
}

/**
 * The table's and each index's share of one response's units, as DynamoDB reports them when asked
 * for INDEXES (a transaction's shares are doubled as its total is). Empty when it was asked for
 * TOTAL only.
 */
export function consumedSplit(response: unknown): CapacitySplit {
  const split: CapacitySplit = { table: 0, indexes: {} };
  if (typeof response !== 'object' || response === null) return split;
  const consumed = (response as { ConsumedCapacity?: unknown }).ConsumedCapacity;
  const entries = Array.isArray(consumed) ? consumed : consumed === undefined ? [] : [consumed];
  for (const entry of entries as {
    Table?: { CapacityUnits?: number };
    GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  }[]) {
    split.table += entry?.Table?.CapacityUnits ?? 0;
    for (const [name, index] of Object.entries(entry?.GlobalSecondaryIndexes ?? {})) {
      split.indexes[name] = (split.indexes[name] ?? 0) + (index.CapacityUnits ?? 0);
    }
  }
  return split;
}
