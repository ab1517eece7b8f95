import {
  type AddToPrincipalPolicyResult,
  PolicyDocument,
  type PolicyStatement,
  Role,
  type RoleProps,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * A role whose grants land in one inline policy of the role itself, instead of a separate
 * `AWS::IAM::Policy` resource (CDK's DefaultPolicy). A function then costs four resources of the
 * stack's 500 instead of five; the permissions, and the limit on a role's inline policies, are the
 * same. The document is rendered when the template is written, so grants made after construction
 * are in it.
 */
export class InlinePolicyRole extends Role {
  private readonly permissions: PolicyDocument;

  constructor(scope: Construct, id: string, props: Omit<RoleProps, 'inlinePolicies'>) {
    const permissions = new PolicyDocument({ assignSids: false });
    super(scope, id, { ...props, inlinePolicies: { permissions } });
    this.permissions = permissions;
  }

  override addToPrincipalPolicy(statement: PolicyStatement): AddToPrincipalPolicyResult {
    this.permissions.addStatements(statement);
    // The policy is part of the role: whatever needs the permission already depends on the role.
    return { statementAdded: true, policyDependable: this };
  }
}
