import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { ERROR_CODES } from '../errors/error-codes';

/** Name of the shared error schema in `components.schemas`. */
export const API_ERROR_SCHEMA_NAME = 'ApiError';

/** The shape of `ApiErrorBody` (api-error.ts): every 4xx and 5xx body of every service. */
export const API_ERROR_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'Every error response: a stable machine-readable code and a human message',
  required: ['statusCode', 'error', 'code', 'message'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    code: {
      type: 'string',
      enum: Object.keys(ERROR_CODES),
      description: 'Stable, machine-readable; docs/errors.md says what each means',
      example: 'validation_failed',
    },
    message: { type: 'string' },
    details: { type: 'array', items: {}, description: 'What failed, e.g. one message per refused field' },
  },
  additionalProperties: false,
};

/**
 * Request-body strings are refused when they hold a NUL character (json-body.middleware.ts): strings the document
 * leaves otherwise unconstrained say so with `not: { pattern: NUL_PATTERN }` (rather than an anchored pattern, which
 * tools merge with a large `maxLength` into one huge regex).
 */
export const NUL_PATTERN = '\\u0000';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];
const METHODS_WITH_BODY: ReadonlySet<HttpMethod> = new Set(['post', 'put', 'patch']);

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400:
    'The request is invalid: broken JSON (`malformed_json`), a value, parameter or field the schema refuses ' +
    '(`validation_failed`, each problem in `details`), or a body nested too deep, with NUL characters or a ' +
    '`__proto__` key',
  401: 'Missing, unknown, revoked or expired credentials',
  403: 'The credentials do not allow this call',
  413: 'The request body is larger than the service accepts',
  415: 'The request body is not application/json',
  429: 'Rate limited (`rate_limited`): too many requests for this credential; try again after `Retry-After` seconds',
  503: 'Encryption keys are unavailable (`key_service_unavailable`) or the service is busy (`busy`): try again shortly',
};

/** Every 429 says when to try again (all-exceptions.filter.ts). */
const RETRY_AFTER_HEADER = {
  description: 'Seconds to wait before trying again',
  required: true,
  schema: { type: 'integer', minimum: 0 },
} as const;

const SCHEMA_RULES = new Map<string, SchemaObject>();

/**
 * Adds JSON Schema keywords to the schema of a request or response class in the OpenAPI document: rules across
 * fields (e.g. "formId is required with formVersion", as an `anyOf`) that property decorators cannot state.
 * Applied by `completeOpenApiDocument` to the component of the class's name (documents name schemas after classes).
 */
export function ApiSchemaRules(rules: SchemaObject): ClassDecorator {
  return (target) => {
    SCHEMA_RULES.set(target.name, rules);
  };
}

/**
 * Finishes a service's generated OpenAPI document so that it states what the service does, for every route at once
 * (instead of one decorator per route and status):
 *
 * - every error response refers to one shared `ApiError` schema;
 * - each operation declares the errors the platform itself can produce for it: 400 when it takes parameters or a
 *   body, 401 and 429 (with `Retry-After`) when it needs a credential (403 comes with `@Authenticated`, which
 *   checks roles), 413 and 415 when it takes a body, 503 when it reaches the database or the key service; what a
 *   route adds (404 for an id it does not find, 409, 422, a 429 of its own) it declares itself;
 * - a request body whose fields are all optional is optional (the ValidationPipe takes a missing body as `{}`);
 * - request-body schemas are closed (`additionalProperties: false`: the ValidationPipe forbids unknown fields),
 *   their optional fields take null (as `@IsOptional()` does) and their otherwise unconstrained strings refuse NUL,
 *   as the JSON body middleware does;
 * - a header parameter inferred from `@Headers()` and declared again with `@ApiHeader()` is listed once, as declared;
 * - classes marked with `@ApiSchemaRules()` get their cross-field rules.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  schemas[API_ERROR_SCHEMA_NAME] = API_ERROR_SCHEMA;
  for (const [name, rules] of SCHEMA_RULES) {
    const schema = schemas[name];
    if (schema && !isReference(schema)) Object.assign(schema, structuredClone(rules));
  }

  const requestSchemaNames = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as PathItemObject)[method];
      if (!operation) continue;
      operation.parameters = dedupeHeaderParameters(operation.parameters);
      addErrorResponses(path, method, operation);
      const body = operation.requestBody;
      if (body && !isReference(body)) {
        const media = Object.values(body.content);
        for (const { schema } of media) if (schema) closeRequestSchema(schema, schemas, requestSchemaNames);
        // The ValidationPipe validates a missing body as {}: a body without a required field may be left out.
        if (media.every(({ schema }) => schema && !requiresAField(schema, schemas))) body.required = false;
      }
    }
  }
  return document;
}

/** The error statuses the platform can answer for an operation, whatever the route does. */
export function platformErrorStatuses(path: string, method: string, operation: OperationObject): number[] {
  const takesBody = METHODS_WITH_BODY.has(method as HttpMethod);
  const hasPathParameters = /\{[^}]+\}/.test(path);
  const takesParameters = (operation.parameters ?? []).length > 0;
  const secured = (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
  const statuses: number[] = [];
  if (takesBody || takesParameters || operation.requestBody) statuses.push(400);
  if (secured) statuses.push(401);
  if (takesBody) statuses.push(413, 415);
  // Every credential is rate limited, per service (auth.guard.ts).
  if (secured) statuses.push(429);
  // Credentials are looked up, bodies stored, resources read: the database (a lock or statement timeout) or
  // the key service can be unavailable. A route with none of these (a static document) never answers 503.
  if (secured || takesBody || hasPathParameters) statuses.push(503);
  return statuses;
}

function addErrorResponses(path: string, method: string, operation: OperationObject): void {
  const responses = operation.responses;
  for (const status of platformErrorStatuses(path, method, operation)) {
    responses[status] ??= { description: ERROR_DESCRIPTIONS[status] };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400 || !response || isReference(response)) continue;
    const declared = response as ResponseObject;
    if (!declared.description) declared.description = ERROR_DESCRIPTIONS[Number(status)] ?? '';
    // A route may document its own error body; otherwise it is the shared one.
    declared.content ??= { 'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA_NAME}` } } };
    if (status === '429') declared.headers ??= { 'Retry-After': RETRY_AFTER_HEADER };
  }
}

/** Nest lists `@Headers('origin')` and `@ApiHeader({ name: 'Origin' })` as two parameters; keep the declared one. */
function dedupeHeaderParameters(
  parameters: (ParameterObject | ReferenceObject)[] | undefined,
): (ParameterObject | ReferenceObject)[] | undefined {
  if (!parameters) return parameters;
  const lastHeaderIndex = new Map<string, number>();
  parameters.forEach((parameter, index) => {
    if (!isReference(parameter) && parameter.in === 'header') lastHeaderIndex.set(parameter.name.toLowerCase(), index);
  });
  return parameters.filter(
    (parameter, index) =>
      isReference(parameter) ||
      parameter.in !== 'header' ||
      lastHeaderIndex.get(parameter.name.toLowerCase()) === index,
  );
}

/** Closes a request-body schema and everything it refers to: no unknown fields, no NUL in free strings. */
function closeRequestSchema(
  schema: SchemaObject | ReferenceObject,
  schemas: Record<string, SchemaObject | ReferenceObject>,
  visited: Set<string>,
): void {
  if (isReference(schema)) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (visited.has(name)) return;
    visited.add(name);
    const target = schemas[name];
    if (target) closeRequestSchema(target, schemas, visited);
    return;
  }
  // Classes are referred to (`allOf: [{ $ref }]` when described); inline parts are rules, not shapes to close.
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    if (isReference(part)) closeRequestSchema(part, schemas, visited);
  }
  if (schema.items) closeRequestSchema(schema.items, schemas, visited);
  if (schema.type === 'string' && schema.pattern === undefined && !schema.enum && !schema.format) {
    schema.not ??= { pattern: NUL_PATTERN };
  }
  if (schema.nullable && schema.enum && !schema.enum.includes(null)) {
    // OpenAPI 3.0.3: `nullable` does not add null to an `enum`, which must list it.
    schema.enum = [...schema.enum, null];
  }
  if (schema.properties) {
    schema.additionalProperties ??= false;
    const required = new Set(schema.required ?? []);
    for (const [name, property] of Object.entries(schema.properties)) {
      // `@IsOptional()` takes null as it takes a missing field: every optional field of a body accepts null.
      if (!required.has(name)) schema.properties[name] = nullable(property);
      closeRequestSchema(schema.properties[name], schemas, visited);
    }
  }
}

/** Whether `{}` would not do for this body: an object with required fields, or not an object at all. */
function requiresAField(
  schema: SchemaObject | ReferenceObject,
  schemas: Record<string, SchemaObject | ReferenceObject>,
): boolean {
  const resolved = isReference(schema) ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  if (!resolved || isReference(resolved)) return true;
  return resolved.type !== 'object' || (resolved.required ?? []).length > 0 || !!resolved.anyOf || !!resolved.oneOf;
}

function nullable(schema: SchemaObject | ReferenceObject): SchemaObject {
  // Keywords beside a `$ref` are ignored in OpenAPI 3.0: the reference moves into an `allOf`.
  return isReference(schema) ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
}

function isReference(value: object): value is ReferenceObject {
  return '$ref' in value;
}
