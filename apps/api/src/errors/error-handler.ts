import { ConcurrencyError, EventStoreError, InvalidArgumentError } from '@panggung/event-store';
import { DomainError, showRefusalOf } from '@panggung/domain';
import type { ErrorBody } from '@panggung/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StaleVersionError } from '../commands/handle-command.ts';
import { ApiError } from './api-error.ts';

const DOMAIN_STATUS: Record<DomainError['code'], number> = {
  VALIDATION: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ILLEGAL_STATE: 409,
};

const HTTP_ERROR_NAMES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Turns any error into one response shape (ErrorBody). A 5xx never carries the cause or a stack trace. */
export function toErrorBody(error: unknown): ErrorBody {
  const body = (
    statusCode: number,
    code: string,
    message: string,
    extra: Partial<ErrorBody> = {},
  ): ErrorBody => ({
    statusCode,
    code,
    error: HTTP_ERROR_NAMES[statusCode] ?? 'Error',
    message,
    ...extra,
  });
  if (error instanceof ApiError)
    return body(error.statusCode, error.code, error.message, error.field ? { field: error.field } : {});
  // A refused live command answers with where the show now stands, so the sender's screen catches up.
  const refused = showRefusalOf(error);
  if (refused && error instanceof DomainError)
    return body(409, `SHOW_${refused.refusal.toUpperCase()}`, error.message, {
      current: refused.current,
      ...(error.field ? { field: error.field } : {}),
    });
  if (error instanceof DomainError)
    return body(
      DOMAIN_STATUS[error.code],
      error.code,
      error.message,
      error.field ? { field: error.field } : {},
    );
  if (error instanceof StaleVersionError)
    return body(409, error.code, error.message, { current: { version: error.current } });
  if (error instanceof ConcurrencyError)
    return body(
      409,
      'STALE_VERSION',
      'This was changed at the same moment by someone else. Reload and try again.',
      {
        current: { version: error.actual === undefined ? null : Number(error.actual) },
      },
    );
  if (error instanceof InvalidArgumentError)
    return body(400, 'VALIDATION', error.message, { field: error.field });
  if (error instanceof EventStoreError) return body(400, error.code, error.message);

  const fastifyError = error as FastifyError & {
    validation?: Array<{ instancePath?: string; params?: Record<string, unknown>; message?: string }>;
    validationContext?: string;
  };
  if (fastifyError.validation) {
    const first = fastifyError.validation[0];
    const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const missing = first?.params?.missingProperty as string | undefined;
    const extra = first?.params?.additionalProperty as string | undefined;
    const field = [fastifyError.validationContext, path, missing ?? extra].filter(Boolean).join('.');
    const message = extra
      ? `${field}: unknown field`
      : `${field || fastifyError.validationContext || 'request'}: ${first?.message ?? 'is invalid'}`;
    return body(400, 'VALIDATION', message, { field });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code =
      fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'BODY_TOO_LARGE'
        : (fastifyError.code ?? 'BAD_REQUEST');
    return body(status, code.replace(/^FST_ERR_/, ''), fastifyError.message);
  }
  return body(500, 'INTERNAL', 'Something went wrong on our side. It has been logged; please try again.');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const body = toErrorBody(error);
    if (body.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: body.code, statusCode: body.statusCode }, body.message);
    void reply.status(body.statusCode).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      error: 'Not Found',
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
    });
  });
}
