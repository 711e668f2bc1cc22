import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { RequestContext } from './request-context';

export interface PrmRequest extends Request {
  prmContext?: RequestContext;
  requestId?: string;
  loaders?: Map<string, unknown>;
}

export function requestOf(context: ExecutionContext): PrmRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: PrmRequest }>().req;
  }
  return context.switchToHttp().getRequest<PrmRequest>();
}

/** Injects the RequestContext the guard built for this request. */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const req = requestOf(context);
  return req.prmContext ?? new RequestContext(null, req.requestId ?? 'unknown', req.ip ?? null);
});
