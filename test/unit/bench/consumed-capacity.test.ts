import { describe, expect, it } from 'vitest';
import { consumedUnits, operationOf } from '../../../scripts/bench/consumed-capacity';

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
});
