import { ASTVisitor, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, ValidationContext, ValidationRule } from 'graphql';

/** Root fields that create or unlock accounts: one of them, once, per operation. */
export const ACCOUNT_ROOT_FIELDS: readonly string[] = ['register', 'signIn', 'recoverAccount'];
/**
 * Root fields that are expensive enough that one per operation is all a client needs.
 * changePassphrase checks and hashes a passphrase (argon2: memory and CPU on every call);
 * myData reads every row a member has.
 */
export const COSTLY_ROOT_FIELDS: readonly string[] = ['screenDraft', 'changePassphrase', 'myData'];

/** How often each root field name is selected, through aliases, fragments and inline fragments. */
function rootFieldCounts(
  selectionSet: SelectionSetNode,
  context: ValidationContext,
  counts = new Map<string, number>(),
  seen = new Set<string>(),
): Map<string, number> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      counts.set(selection.name.value, (counts.get(selection.name.value) ?? 0) + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      rootFieldCounts(selection.selectionSet, context, counts, seen);
    } else if (!seen.has(selection.name.value)) {
      // A fragment spread twice selects its fields twice; a cycle is reported by the spec's rules.
      const fragment = context.getFragment(selection.name.value);
      if (fragment) rootFieldCounts(fragment.selectionSet, context, counts, new Set([...seen, selection.name.value]));
    }
  }
  return counts;
}

/**
 * Refuses an operation that registers, signs in or recovers more than once (or mixes them),
 * or screens more than one draft: aliases otherwise turn one request, and one rate-limit
 * hit, into many accounts or many expensive screenings.
 */
export const singleSensitiveFieldRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(operation: OperationDefinitionNode) {
    const counts = rootFieldCounts(operation.selectionSet, context);
    const accountCalls = ACCOUNT_ROOT_FIELDS.reduce((total, name) => total + (counts.get(name) ?? 0), 0);
    const repeatedCostly = COSTLY_ROOT_FIELDS.filter((name) => (counts.get(name) ?? 0) > 1);
    if (accountCalls > 1) {
      context.reportError(
        new GraphQLError(`An operation may call only one of ${ACCOUNT_ROOT_FIELDS.join(', ')}, once. Send one request per call.`, {
          nodes: [operation],
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      );
    }
    for (const name of repeatedCostly) {
      context.reportError(
        new GraphQLError(`An operation may call ${name} only once.`, { nodes: [operation], extensions: { code: 'BAD_USER_INPUT' } }),
      );
    }
  },
});
