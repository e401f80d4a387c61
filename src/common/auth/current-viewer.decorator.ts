import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/gql-context';
import type { Viewer } from './viewer';

/** The signed-in viewer or null. Pair with @SignedIn() where null is not acceptable. */
export const CurrentViewer = createParamDecorator((_data: unknown, context: ExecutionContext): Viewer | null => {
  return GqlExecutionContext.create(context).getContext<GqlContext>().viewer ?? null;
});

/** The request's DataLoaders. */
export const Loaders = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  return GqlExecutionContext.create(context).getContext<GqlContext>().loaders;
});
