import { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { CachedAsParent } from '../graphql/cache-hints';

@CachedAsParent()
@ObjectType('PageInfo')
export class PageInfoType {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** Relay connection classes for code-first GraphQL: `Connection(ThreadType, 'Thread')`. */
export function Connection<T>(nodeType: Type<T> | (() => unknown), name: string) {
  @CachedAsParent()
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @CachedAsParent()
  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfoType)
    pageInfo!: PageInfoType;
  }
  return ConnectionType;
}
