import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let max = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      if (seen.has(name)) continue;
      const fragment = fragments[name];
      if (fragment) max = Math.max(max, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

/** Rejects operations nested deeper than maxDepth fields (introspection fields excluded). */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    }
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragments, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`Query depth ${depth} exceeds the limit of ${maxDepth}.`, { nodes: [node] }),
          );
        }
      },
    };
  };
}

/** Rejects documents with more aliases than allowed (alias batching is a cheap amplification attack). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    return {
      Field(node) {
        if (node.alias) count += 1;
      },
      Document: {
        leave(node) {
          if (count > maxAliases) {
            context.reportError(new GraphQLError(`Too many aliases (${count}); the limit is ${maxAliases}.`, { nodes: [node] }));
          }
        },
      },
    };
  };
}

/**
 * Cost: each field costs 1, and a field taking `first` multiplies its children by it, so a
 * connection of 100 with 10 fields per node costs about 1,000. Checked once the operation and its
 * variables are known.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  // The same operation with the same variables always costs the same: remember the last few hundred.
  const known = new Map<string, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = request.query ? `${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}\u0000${request.query}` : null;
          let cost: number | undefined = key ? known.get(key) : undefined;
          if (cost === undefined) try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [
                fieldExtensionsEstimator(),
                ({ args, childComplexity }) => {
                  const first = typeof args['first'] === 'number' ? args['first'] : undefined;
                  return first !== undefined ? 1 + childComplexity * first : undefined;
                },
                simpleEstimator({ defaultComplexity: 1 }),
              ],
            });
            if (key) {
              if (known.size >= 500) known.delete(known.keys().next().value as string);
              known.set(key, cost);
            }
          } catch (err) {
            // Variables that do not fit their types (unknown enum value, missing field, wrong scalar):
            // GraphQL rejects them itself before any resolver runs (BAD_USER_INPUT, HTTP 400), so there is
            // no cost to limit. Thrown from here they would surface as a 500.
            if (err instanceof GraphQLError) return;
            throw err;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
