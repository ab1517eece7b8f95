import { describe, expect, it } from 'vitest';
import { consumedSplit, consumedUnits, operationOf } from '../../../scripts/bench/consumed-capacity';

describe('capacity units from a DynamoDB answer', () => {
  it('reads the operation from the X-Amz-Target header', () => {
    expect(operationOf('DynamoDB_20120810.TransactWriteItems')).toBe('TransactWriteItems');
    expect(operationOf(undefined)).toBeUndefined();
  });

  it('counts reads for GetItem and Query', () => {
    expect(consumedUnits('GetItem', { ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } })).toEqual({
      read: 1,
      write: 0,
    });
    expect(consumedUnits('Query', { ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } })).toEqual({
      read: 0.5,
      write: 0,
    });
  });

  it('counts a transaction’s units, one entry per table, as writes', () => {
    const answer = {
      ConsumedCapacity: [
        { TableName: 'a', CapacityUnits: 6 },
        { TableName: 'b', CapacityUnits: 2 },
      ],
    };
    expect(consumedUnits('TransactWriteItems', answer)).toEqual({ read: 0, write: 8 });
  });

  it('counts nothing for an answer without capacity or an operation that is not metered', () => {
    expect(consumedUnits('PutItem', {})).toEqual({ read: 0, write: 0 });
    expect(consumedUnits('DescribeTable', { ConsumedCapacity: { CapacityUnits: 3 } })).toEqual({
      read: 0,
      write: 0,
    });
  });

  it("splits a write's units into the table's and each index's, as DynamoDB reports them for INDEXES", () => {
    const transaction = {
      ConsumedCapacity: [
        {
          TableName: 't',
          CapacityUnits: 14,
          Table: { CapacityUnits: 8 },
          GlobalSecondaryIndexes: { gsi1: { CapacityUnits: 4 }, gsi4: { CapacityUnits: 2 } },
        },
      ],
    };
    expect(consumedSplit(transaction)).toEqual({ table: 8, indexes: { gsi1: 4, gsi4: 2 } });
    expect(consumedSplit({ ConsumedCapacity: { TableName: 't', CapacityUnits: 2 } })).toEqual({
      table: 0,
      indexes: {},
    });
  });
});
