import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

/**
 * Two validators: bodies are strict (a string where a number belongs is a 400, unknown fields are a 400,
 * nothing is silently removed or converted); query strings and path parameters arrive as text, so there
 * numbers and booleans are converted.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const base: Options = { allErrors: false, removeAdditional: false, useDefaults: true, strict: false };
  const strict = addFormats.default(new Ajv({ ...base, coerceTypes: false }));
  const coercing = addFormats.default(new Ajv({ ...base, coerceTypes: 'array' }));
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema as object);
}
