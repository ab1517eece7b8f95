/**
 * Bad requests derived from the API's OpenAPI document: for every route, a plausible request
 * built from its schemas, then one mutation at a time of one field (wrong type, missing, out of
 * range, oversized, unknown enum value), of the path id, of the query, or of the body as a whole
 * (not JSON, not an object). Each mutation names the field the answer must name.
 */

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Operation {
  method: string;
  path: string;
  roles: string[] | undefined;
  parameters: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

export interface BadRequest {
  operation: Operation;
  what: string;
  /** The path parameters, unencoded unless `rawPath` is set. */
  pathParameters: Record<string, string>;
  /** Sent as is in the URL (already percent-encoded). */
  rawPath?: string;
  query: Record<string, string>;
  /** The raw body; undefined for none. */
  body: string | undefined;
  /** The field the 400 must name (`data.name`, `query.asOf`, `path.id`), or undefined when none is. */
  field: string | undefined;
}

export function operationsOf(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const body = (operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      return {
        method: method.toUpperCase(),
        path,
        roles: operation['x-roles'] as string[] | undefined,
        parameters: (operation.parameters as Operation['parameters'] | undefined) ?? [],
        body,
      };
    }),
  );
}

/** Plausible values by field name, where a schema says too little to make one up. */
const HINTS: Record<string, unknown> = {
  currency: 'EUR',
  country: 'NL',
  sendAt: '09:00',
  // A policy's quiet hours for texts, and a debtor's mobile number in E.164.
  start: '21:00',
  end: '08:00',
  mobile: '+31612345678',
  timeZone: 'Europe/Amsterdam',
  language: 'nl',
  email: 'someone@example.com',
  // A call outcome whose optional fields (promisedDate, amount) all belong to it: the sample sets them.
  outcome: 'promised',
  // A dispute cause is a code from a list an admin keeps: the schema knows only its shape.
  cause: 'quantity',
};

/** A value the schema accepts as far as its own keywords tell. */
function sample(schema: JsonSchema, name = ''): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return name in HINTS && schema.enum.includes(HINTS[name]) ? HINTS[name] : schema.enum[0];
  if (schema.oneOf ?? schema.anyOf) return sample((schema.oneOf ?? schema.anyOf)![0]!, name);
  if (schema.allOf) return sample(merged(schema.allOf), name);
  if (name in HINTS) return HINTS[name];
  switch (typeOf(schema)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sample(property, key)]),
      );
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        sample(schema.items ?? {}, name),
      );
    case 'string':
      if (schema.format === 'date') return '2026-03-01';
      if (schema.format === 'date-time') return '2026-03-01T10:00:00Z';
      if (schema.format === 'email') return 'someone@example.com';
      if (schema.format === 'uri') return 'https://pay.example/i/1';
      return 'fuzz-value'.slice(0, Math.max(schema.maxLength ?? 10, schema.minLength ?? 1));
    case 'integer':
      return Math.max(1, schema.minimum ?? 1);
    case 'number':
      return Math.max(1, schema.minimum ?? 1);
    case 'boolean':
      return true;
    default:
      return 'fuzz-value';
  }
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

function merged(schemas: JsonSchema[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.assign({}, ...schemas.map((schema) => schema.properties ?? {})),
    required: schemas.flatMap((schema) => schema.required ?? []),
  };
}

/** The bodies a route's body schema describes: one per branch of a union at the top. */
function baseBodies(schema: JsonSchema): { schema: JsonSchema; value: unknown }[] {
  const branches = schema.oneOf ?? schema.anyOf ?? [schema];
  return branches.map((branch) => {
    const resolved = branch.allOf ? merged(branch.allOf) : branch;
    return { schema: resolved, value: sample(resolved) };
  });
}

interface FieldMutation {
  what: string;
  value: unknown;
  /** Remove the field instead of setting it. */
  remove?: boolean;
}

/** The bad values of one field: each is something no bounded schema may accept. */
function fieldMutations(schema: JsonSchema, required: boolean): FieldMutation[] {
  const resolved = schema.allOf ? merged(schema.allOf) : (schema.oneOf?.[0] ?? schema.anyOf?.[0] ?? schema);
  const type = typeOf(resolved);
  const mutations: FieldMutation[] = [];
  if (required) mutations.push({ what: 'missing', value: undefined, remove: true });
  if (resolved.const !== undefined || resolved.enum) {
    mutations.push({ what: 'unknown enum value', value: 'not-one-of-them' });
    return mutations;
  }
  switch (type) {
    case 'string':
      mutations.push({ what: 'wrong type', value: 12345 });
      mutations.push({
        what: resolved.maxLength === undefined ? 'oversized (no maxLength)' : 'over maxLength',
        value: 'x'.repeat((resolved.maxLength ?? 100_000) + 1),
      });
      if (resolved.format === 'date') {
        mutations.push({ what: 'year 0', value: '0000-01-01' }, { what: 'year 9999', value: '9999-12-31' });
      }
      if (resolved.format === 'date-time') {
        mutations.push({ what: 'year 9999', value: '9999-12-31T00:00:00Z' });
      }
      break;
    case 'integer':
    case 'number':
      mutations.push({ what: 'wrong type', value: '12' });
      mutations.push({
        what: resolved.maximum === undefined ? 'huge (no maximum)' : 'over maximum',
        value: resolved.maximum === undefined ? 1e300 : resolved.maximum * 10 + 1,
      });
      mutations.push({
        what: 'under minimum',
        value: (resolved.minimum ?? resolved.exclusiveMinimum ?? -1e300) - 1,
      });
      if (type === 'integer') mutations.push({ what: 'fraction', value: 1.5 });
      break;
    case 'boolean':
      mutations.push({ what: 'wrong type', value: 'yes' });
      break;
    case 'array':
      mutations.push({ what: 'wrong type', value: { not: 'an array' } });
      mutations.push({
        what: resolved.maxItems === undefined ? 'oversized (no maxItems)' : 'over maxItems',
        value: Array.from({ length: (resolved.maxItems ?? 10_000) + 1 }, () => sample(resolved.items ?? {})),
      });
      break;
    case 'object':
      mutations.push({ what: 'wrong type', value: 'not an object' });
      break;
  }
  return mutations;
}

/** Every field of `value` under `schema`, as [path, schema, required] (arrays: the first item). */
function fieldsOf(
  schema: JsonSchema,
  prefix: string[] = [],
): { path: string[]; schema: JsonSchema; required: boolean }[] {
  const resolved = schema.allOf ? merged(schema.allOf) : schema;
  const fields: { path: string[]; schema: JsonSchema; required: boolean }[] = [];
  for (const [key, property] of Object.entries(resolved.properties ?? {})) {
    const path = [...prefix, key];
    fields.push({ path, schema: property, required: (resolved.required ?? []).includes(key) });
    const inner = property.allOf ? merged(property.allOf) : property;
    if (typeOf(inner) === 'object') fields.push(...fieldsOf(inner, path));
    if (typeOf(inner) === 'array' && inner.items && typeOf(inner.items) === 'object') {
      fields.push(...fieldsOf(inner.items, [...path, '0']));
    }
  }
  return fields;
}

function withField(value: unknown, path: string[], mutation: FieldMutation): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  // An optional object the minimal body left out is made for the field that is tried in it.
  for (const key of path.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  const last = path.at(-1)!;
  if (mutation.remove) delete target[last];
  else target[last] = mutation.value;
  return copy;
}

/** Every bad request of one operation, with `validId` standing in for path ids that are not judged. */
export function badRequests(operation: Operation, validId: string): BadRequest[] {
  const pathParameters = Object.fromEntries(
    operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, validId]),
  );
  const base = { operation, pathParameters, query: {} as Record<string, string> };
  const bodies = operation.body ? baseBodies(operation.body) : [];
  const validBody = bodies[0] ? JSON.stringify(bodies[0].value) : undefined;
  const requests: BadRequest[] = [];

  for (const parameter of operation.parameters) {
    if (parameter.in === 'path') {
      for (const [what, raw] of [
        ['id over 200 characters', 'x'.repeat(201)],
        ['id with a control character', 'inv%00one'],
        ['id with a new line', 'inv%0Aone'],
        ['id with a broken escape (a lone surrogate)', '%ED%A0%80'],
      ] as const) {
        const rawPath = operation.path.replace(`{${parameter.name}}`, raw);
        // Required query parameters get a valid value, so that only the path is wrong.
        const query = Object.fromEntries(
          operation.parameters
            .filter((p) => p.in === 'query' && p.required)
            .map((p) => [p.name, String(sample(p.schema, p.name))]),
        );
        requests.push({ ...base, what, rawPath, query, body: validBody, field: `path.${parameter.name}` });
      }
      continue;
    }
    for (const mutation of fieldMutations(parameter.schema, false)) {
      if (mutation.value === undefined || typeof mutation.value === 'object') continue;
      // Every query value is text: a string parameter has no wrong type.
      if (mutation.what === 'wrong type' && typeOf(parameter.schema) === 'string') continue;
      requests.push({
        ...base,
        what: `query ${parameter.name}: ${mutation.what}`,
        query: { [parameter.name]: queryValue(parameter.schema, mutation) },
        body: validBody,
        field: `query.${parameter.name}`,
      });
    }
  }

  if (operation.body) {
    for (const [what, body] of [
      ['body that is not JSON', '{"broken": '],
      ['body that is an array', '[]'],
      ['body that is a number', '42'],
      ['body that is null', 'null'],
      ['no body', undefined],
    ] as const) {
      requests.push({ ...base, what, body, field: undefined });
    }
    for (const { schema, value } of bodies) {
      const label = (value as { type?: unknown }).type ?? 'body';
      for (const field of fieldsOf(schema)) {
        for (const mutation of fieldMutations(field.schema, field.required)) {
          requests.push({
            ...base,
            what: `${String(label)} ${field.path.join('.')}: ${mutation.what}`,
            body: JSON.stringify(withField(value, field.path, mutation)),
            field: field.path.join('.'),
          });
        }
      }
    }
  }
  return requests;
}

/**
 * A query string holds only text: a number's "wrong type" is text that is no number, and an
 * oversized value stays under the URL lengths HTTP servers and API Gateway take at all.
 */
function queryValue(schema: JsonSchema, mutation: FieldMutation): string {
  const type = typeOf(schema);
  if (mutation.what === 'wrong type' && (type === 'integer' || type === 'number')) return 'not-a-number';
  return String(mutation.value).slice(0, 4_000);
}
