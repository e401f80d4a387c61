import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, SelectionSetNode, ValueNode } from 'graphql';

/**
 * An upper bound on the rows a query can ask for: every field costs 1, and a connection's
 * selection is multiplied by the page size it asks for (`first`, or the contract's default).
 * `threads(first: 100) { edges { node { replies(first: 100) { ... } } } }` costs ~10,000
 * times its innermost selection, which is what makes such a query expensive to serve.
 */
export interface CostOptions {
  variables: Record<string, unknown>;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Page size assumed when a list field omits `first`. */
  defaultPageSize: number;
}

function numberArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const resolved = variables[value.name.value];
    return typeof resolved === 'number' ? resolved : null;
  }
  return null;
}

function fieldMultiplier(field: FieldNode, options: CostOptions): number {
  const args = field.arguments ?? [];
  const first = args.find((arg) => arg.name.value === 'first' || arg.name.value === 'count');
  if (first) return Math.max(1, numberArgument(first.value, options.variables) ?? options.defaultPageSize);
  // A connection field called without `first` still returns a page of the default size.
  const looksPaged = field.selectionSet?.selections.some((selection) => selection.kind === Kind.FIELD && selection.name.value === 'edges');
  return looksPaged ? options.defaultPageSize : 1;
}

function selectionCost(selectionSet: SelectionSetNode | undefined, options: CostOptions, seen: ReadonlySet<string>): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      total += 1 + fieldMultiplier(selection, options) * selectionCost(selection.selectionSet, options, seen);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += selectionCost(selection.selectionSet, options, seen);
    } else {
      const name = selection.name.value;
      const fragment = options.fragments.get(name);
      if (fragment && !seen.has(name)) total += selectionCost(fragment.selectionSet, options, new Set([...seen, name]));
    }
  }
  return total;
}

export function operationCost(operation: OperationDefinitionNode, options: CostOptions): number {
  return selectionCost(operation.selectionSet, options, new Set());
}
