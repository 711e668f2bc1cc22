import { type Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { decodeCursor, DomainError, encodeCursor } from '@prm/domain/common';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 25, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  first = 25;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional() @IsString() @MaxLength(500)
  after?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Builds the Relay connection ObjectType for a node type (`PartnerConnection`, `PartnerEdge`). */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass as Type<Connection<T>>;
}

/** Keyset pagination: rows fetched with limit first + 1, cursor = the sort key of the last row. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => (string | number)[]): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

export function parseCursor(after: string | undefined, arity: number): (string | number)[] | null {
  if (after === undefined || after === null) return null;
  const values = decodeCursor(after);
  if (!values || values.length !== arity) {
    throw new DomainError('BAD_USER_INPUT', 'The cursor is not valid.', { after: ['The cursor is not valid.'] });
  }
  return values;
}
