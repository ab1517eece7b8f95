/**
 * The single table's key design, shared by the CDK storage construct and the local cloud so that
 * both create the same table. Key names are generic on purpose: each item type documents in
 * docs/data-model.md what it stores under them. Keys are strings unless `sortKeyType` says otherwise.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with `expiresAt` (epoch seconds) are removed by DynamoDB TTL: webhook deliveries, locks. */
  timeToLiveAttribute: 'expiresAt',
  globalSecondaryIndexes: [
    /** Sparse: open invoices by due date ("which invoices fell due and have no dunning yet?"). */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Sparse: open tasks by assignee and due date (a controller's daily task list). */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** A debtor's invoices by due date (balance, one letter for several invoices). */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /** An owner's debtors by name (the worklist, GET /debtors?owner=); invoices by status and due date. */
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    /**
     * Sparse, sorted by a number: the debtors by overdue amount per currency. A number, so that the
     * transaction of an invoice's change can move it with `ADD`, without reading it first.
     */
    { indexName: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk', sortKeyType: 'number' },
    /**
     * Sparse: an owner's open work (open invoices, open tasks, open disputes) by debtor, so that
     * the worklist reads the owner's accounts and never a colleague's.
     */
    { indexName: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk' },
  ],
} as const;
