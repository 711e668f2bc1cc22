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

/** What each value of a cursor must be, so a forged cursor is refused here rather than failing in SQL. */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'bigint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// What Date#toISOString() produces for years 0–9999 (well inside PostgreSQL's timestamptz range).
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fits(value: string | number, part: CursorPart): boolean {
  switch (part) {
    case 'text':
      // PostgreSQL text cannot hold NUL.
      return typeof value === 'string' && !value.includes('\u0000');
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'timestamp':
      return typeof value === 'string' && ISO_TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
    case 'bigint':
      return typeof value === 'string' ? /^\d{1,18}$/.test(value) : Number.isSafeInteger(value) && value >= 0;
  }
}

/** Decodes `after`; `shape` is the number of values, or better, what each value must be. */
export function parseCursor(after: string | undefined, shape: number | readonly CursorPart[]): (string | number)[] | null {
  if (after === undefined || after === null) return null;
  const values = decodeCursor(after);
  const arity = typeof shape === 'number' ? shape : shape.length;
  const typed = typeof shape === 'number' || (values !== null && values.every((value, i) => fits(value, shape[i])));
  if (!values || values.length !== arity || !typed) {
    throw new DomainError('BAD_USER_INPUT', 'The cursor is not valid.', { after: ['The cursor is not valid.'] });
  }
  return values;
}
