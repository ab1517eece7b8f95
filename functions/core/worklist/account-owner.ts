/**
 * The stamp an invoice, task or dispute of this debtor carries: its owner's sub, nothing while
 * unowned. Written with the record whenever it is written anyway, so that an owner's open work is
 * one index partition (the worklist reads it, not the whole book's).
 */
export function ownerStamp(debtor: { owner?: { sub: string } }): { accountOwner?: string } {
  return debtor.owner ? { accountOwner: debtor.owner.sub } : {};
}
