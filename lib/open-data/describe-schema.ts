import type { ParameterObject, SchemaObject } from "@/lib/open-data/openapi";

// The OpenAPI schemas in words, for the field tables of the /open-data page.

export type FieldDescription = { name: string; type: string; description: string; optional: boolean };

const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

export function typeLabel(schema: SchemaObject): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.oneOf) return schema.oneOf.map(typeLabel).join(" or ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const label = types
    .map((type) => {
      if (type === "array") return `array of ${schema.items ? typeLabel(schema.items) : "values"}`;
      if (type === "string" && schema.format) return `string (${schema.format})`;
      return type;
    })
    .join(" or ");
  const values = schema.enum?.filter((value) => value !== null);
  return values && values.length > 0 ? `${label}: ${values.join(", ")}` : label;
}

export function describeFields(schema: SchemaObject): FieldDescription[] {
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeLabel(property),
    description: property.description ?? (property.$ref ? `See ${refName(property.$ref)}.` : ""),
    optional: !(schema.required ?? []).includes(name),
  }));
}

/** A parameter of an endpoint, as a row of the same tables. */
export function describeParameter(parameter: ParameterObject): FieldDescription {
  const fallback = parameter.schema.default === undefined ? "" : ` ${String(parameter.schema.default)} when left out.`;
  return {
    name: parameter.name,
    type: `${typeLabel(parameter.schema)}, in the ${parameter.in === "path" ? "path" : "query string"}`,
    description: parameter.description + fallback,
    optional: !parameter.required,
  };
}
