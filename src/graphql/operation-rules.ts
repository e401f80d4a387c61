import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { KindredConfig } from '../config/config';
import { singleSensitiveFieldRule } from './single-sensitive-field.rule';

/** Every limit on the shape of one operation, whatever transport carries it. */
export interface OperationLimits {
  depthMax: number;
  costMax: number;
  aliasesMax: number;
  directivesMax: number;
  tokensMax: number;
  introspection: boolean;
  suggestions: boolean;
}

export function operationLimits(config: KindredConfig): OperationLimits {
  return {
    depthMax: config.limits.queryDepthMax,
    costMax: config.limits.queryCostMax,
    aliasesMax: config.transport.queryAliasesMax,
    directivesMax: config.transport.queryDirectivesMax,
    tokensMax: config.transport.queryTokensMax,
    introspection: config.transport.introspection,
    suggestions: config.transport.suggestions,
  };
}

/**
 * graphql-armor throws its refusal from inside validation by default, which aborts the
 * validation pass with an exception; reporting it instead keeps the other rules' errors
 * and gives the refusal the contract's code.
 */
function reportAsBadInput(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'BAD_USER_INPUT' } }));
}

const armorCallbacks = { propagateOnRejection: false, onReject: [reportAsBadInput], exposeLimits: true };

/**
 * Validation rules beyond the spec's, for HTTP (Apollo's validationRules) and graphql-ws
 * (run in onSubscribe) alike. Introspection fields count toward depth like any other: a
 * deep `__type { ofType { ofType … } }` costs the server as much as a deep query.
 */
export function operationRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depthMax, ignoreIntrospection: false, flattenFragments: true, ...armorCallbacks }),
    maxAliasesRule({ n: limits.aliasesMax, ...armorCallbacks }),
    maxDirectivesRule({ n: limits.directivesMax, ...armorCallbacks }),
    singleSensitiveFieldRule,
  ] as ValidationRule[];
}
