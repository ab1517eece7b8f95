import { describe } from 'vitest';
import { creditStoreContract } from '../../support/credit-store-contract';
import { InMemoryCreditStore } from '../../support/in-memory-credit-store';

describe('the in-memory credit store keeps the credit store contract', () => {
  creditStoreContract(async () => new InMemoryCreditStore());
});
