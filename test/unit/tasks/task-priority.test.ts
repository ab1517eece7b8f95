import { describe, expect, it } from 'vitest';
import { taskPriority } from '../../../functions/core/tasks/task-priority';

const eur = (cents: number) => ({ amount: cents, currency: 'EUR' });

describe('the order of a controller’s task list', () => {
  it('puts a large claim before a small one of the same age', () => {
    expect(taskPriority(eur(10_000_00), 30)).toBeGreaterThan(taskPriority(eur(100_00), 30));
  });

  it('puts an old claim before a young one of the same size', () => {
    expect(taskPriority(eur(1_000_00), 60)).toBeGreaterThan(taskPriority(eur(1_000_00), 10));
  });

  it('does not let size alone outrank age: € 1.000 two months overdue comes before € 10.000 ten days overdue', () => {
    expect(taskPriority(eur(1_000_00), 60)).toBeGreaterThan(taskPriority(eur(10_000_00), 10));
  });

  it('stops counting days after four months, so an ancient small claim does not bury a large new one', () => {
    expect(taskPriority(eur(100_00), 400)).toBe(taskPriority(eur(100_00), 120));
  });
});
