/**
 * The single table's key design, shared by the CDK storage construct and the local cloud so that
 * both create the same table. Key names are generic on purpose: each item type documents in
 * docs/data-model.md what it stores under them. Keys are strings unless `sortKeyType` says otherwise.
 *
 * Projections: an index that projects every attribute is written again whenever any attribute of
 * an item in it changes, and a transaction bills that twice. The invoice sits in five indexes and
 * each step of its dunning rewrites it, so those indexes project the keys only: an item's index
 * entry is written only when its index keys change, and the store reads the items a query names
 * (BatchGetItem, eventually consistent as the query) where it needs them whole. Only gsi5, whose
 * queries read the amounts its items carry and whose items change exactly when their sort key
 * does, projects every attribute.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with `expiresAt` (epoch seconds) are removed by DynamoDB TTL: webhook deliveries, locks. */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** Sparse: open invoices by due date ("which invoices fell due and have no dunning yet?"). */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
    /** Sparse: open tasks by assignee and due date (a controller's daily task list). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
    /** A debtor's invoices by due date (balance, one letter for several invoices). */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'KEYS_ONLY' },
    /** An owner's debtors by name (the worklist, GET /debtors?owner=); invoices by status and due date. */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: 'KEYS_ONLY' },
    /**
     * Sparse, sorted by a number: the debtors by overdue amount per currency. A number, so that the
     * transaction of an invoice's change can move it with `ADD`, without reading it first.
     */
    {
      indexName: 'gsi5',
      partitionKey: 'gsi5pk',
      sortKey: 'gsi5sk',
      sortKeyType: 'number',
      projection: 'ALL',
    },
    /**
     * Sparse: an owner's open work (open invoices, open tasks, open disputes) by debtor, so that
     * the worklist reads the owner's accounts and never a colleague's.
     */
    { indexName: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk', projection: 'KEYS_ONLY' },
  ],
} as const;

/** Whether a query of this index returns the keys only, so that its items must be read whole. */
export function projectsKeysOnly(indexName: string | undefined): boolean {
  return TABLE_DESIGN.globalSecondaryIndexes.some(
    (index) => index.indexName === indexName && index.projection === 'KEYS_ONLY',
  );
}

/** The partition key attribute of an index (gsi1 → gsi1pk). */
export function indexPartitionKey(indexName: string): string | undefined {
  return TABLE_DESIGN.globalSecondaryIndexes.find((index) => index.indexName === indexName)?.partitionKey;
}
