import type { OpenAPIObject, OperationObject, SchemaObject } from '@nestjs/swagger';
import { ApiSchemaRules, NUL_PATTERN, completeOpenApiDocument, platformErrorStatuses } from './openapi-document';

const ERROR_CONTENT = { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } };

@ApiSchemaRules({ anyOf: [{ required: ['a'] }, { required: ['b'] }] })
class RuledDto {}

function document(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/things': {
        post: {
          parameters: [
            { name: 'origin', in: 'header', required: true, schema: { type: 'string' } },
            { name: 'Origin', in: 'header', required: true, description: 'declared', schema: { type: 'string' } },
          ],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } },
          },
          responses: { '201': { description: 'created' }, '409': { description: 'exists' } },
          security: [{ bearer: [] }],
        },
      },
      '/v1/things/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'ok' } },
        },
      },
      '/v1/schema': { get: { responses: { '200': { description: 'ok' } } } },
      '/v1/parts': {
        put: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/PartDto' } } },
          },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
    components: {
      schemas: {
        ThingDto: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string', maxLength: 10 },
            slug: { type: 'string', pattern: '^[a-z]+$' },
            kind: { type: 'string', enum: ['a', 'b'] },
            part: { $ref: '#/components/schemas/PartDto' },
          },
        },
        PartDto: { type: 'object', properties: { label: { type: 'string' } } },
        RuledDto: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      },
    },
  };
}

describe('completeOpenApiDocument', () => {
  const completed = completeOpenApiDocument(document());
  const schemas = completed.components?.schemas as Record<string, SchemaObject>;
  const operation = (path: string, method: 'get' | 'post') => completed.paths[path][method] as OperationObject;

  it('declares the errors the platform gives, each with the shared error schema', () => {
    const post = operation('/v1/things', 'post');
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '401', '409', '413', '415', '429', '503']);
    expect(post.responses['409']).toEqual({ description: 'exists', content: ERROR_CONTENT });
    expect(post.responses['400']).toMatchObject({ content: ERROR_CONTENT });
    expect(post.responses['429']).toMatchObject({ headers: { 'Retry-After': { required: true } } });
    expect(schemas.ApiError.required).toEqual(['statusCode', 'error', 'code', 'message']);
  });

  it('declares only what a route can give', () => {
    expect(Object.keys(operation('/v1/things/{id}', 'get').responses).sort()).toEqual(['200', '400', '503']);
    expect(Object.keys(operation('/v1/schema', 'get').responses)).toEqual(['200']);
    expect(platformErrorStatuses('/v1/x', 'put', { responses: {} })).toEqual([400, 413, 415, 503]);
  });

  it('closes request bodies: no unknown fields, optional fields nullable, no NUL in free strings', () => {
    expect(schemas.ThingDto.additionalProperties).toBe(false);
    expect(schemas.PartDto.additionalProperties).toBe(false);
    const properties = schemas.ThingDto.properties as Record<string, SchemaObject>;
    expect(properties.name).toEqual({ type: 'string', maxLength: 10, not: { pattern: NUL_PATTERN } });
    expect(properties.slug).toEqual({ type: 'string', pattern: '^[a-z]+$', nullable: true });
    expect(properties.kind).toEqual({ type: 'string', enum: ['a', 'b', null], nullable: true });
    expect(properties.part).toEqual({ allOf: [{ $ref: '#/components/schemas/PartDto' }], nullable: true });
  });

  it('makes a body optional when {} would do, as the ValidationPipe takes a missing body as {}', () => {
    expect(operation('/v1/things', 'post').requestBody).toMatchObject({ required: true });
    expect(completed.paths['/v1/parts'].put?.requestBody).toMatchObject({ required: false });
  });

  it('lists a header declared with @ApiHeader once', () => {
    expect(operation('/v1/things', 'post').parameters).toEqual([
      { name: 'Origin', in: 'header', required: true, description: 'declared', schema: { type: 'string' } },
    ]);
  });

  it('adds the rules of @ApiSchemaRules classes', () => {
    expect(RuledDto.name).toBe('RuledDto');
    expect(schemas.RuledDto.anyOf).toEqual([{ required: ['a'] }, { required: ['b'] }]);
  });
});
