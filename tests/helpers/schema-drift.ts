import fs from "node:fs";
import internals from "@prisma/internals";
import type { SqlConnection } from "@/lib/migrations/sql-connection";

// Compares a Prisma schema with what the migrations built: the catalog of the
// connection's current schema (pg_catalog). Prisma's own `migrate diff`
// cannot run here (its schema engine is a download), so this is the check
// that a schema.prisma change came with its migration
// (docs/decisions/0002-migrations.md).
//
// The schema is read with getDMMF from @prisma/internals, which runs Prisma's
// schema parser compiled to WebAssembly (@prisma/prisma-schema-wasm): no
// engine download, no network.
//
// Both sides are described in PostgreSQL's words (format_type), and every
// difference comes back as one sentence a person can act on. What is compared:
// tables, columns (type, nullability, default), primary keys, unique and
// plain indexes (columns, order, method, name), foreign keys (columns,
// referenced table and columns, ON DELETE, ON UPDATE) and enums (values in
// order). Anything in the database the schema does not declare is drift too,
// except Prisma's own _prisma_migrations. Not compared: foreign key names
// (DMMF does not carry @relation(map:)), check constraints, views, functions,
// and the default or generation expression of Unsupported("…") columns.

// getDMMF lives in a CommonJS bundle whose named exports Node cannot detect.
const { getDMMF } = internals;

type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];

const IGNORED_TABLES = new Set(["_prisma_migrations"]);

// PostgreSQL's limit for identifiers (NAMEDATALEN - 1), which Prisma's
// default constraint names are cut to.
const MAX_IDENTIFIER_BYTES = 63;

type DefaultRule =
  | { kind: "none" }
  | { kind: "autoincrement" }
  | { kind: "now" }
  | { kind: "value"; value: string | number | boolean; fieldType: string; declared: string }
  | { kind: "present"; declared: string }
  | { kind: "unchecked" };

type ExpectedColumn = {
  label: string;
  /** null: Unsupported("…") fields, whose type is not compared. */
  type: string | null;
  /** null: lists, which Prisma creates without NOT NULL and its own diff compares only as lists. */
  notNull: boolean | null;
  declared: string;
  default: DefaultRule;
};

type IndexKind = "primary key" | "unique index" | "index";

type IndexShape = { table: string; kind: IndexKind; columns: string[]; descending: boolean[]; method: string; partial: boolean };

type ExpectedIndex = IndexShape & { name: string; label: string };

type ForeignKeyShape = { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string; onUpdate: string };

type ExpectedForeignKey = ForeignKeyShape & { label: string };

type Expected = {
  tables: Map<string, { label: string; columns: Map<string, ExpectedColumn> }>;
  indexes: ExpectedIndex[];
  foreignKeys: ExpectedForeignKey[];
  enums: Map<string, { label: string; values: string[] }>;
  unsupported: string[];
};

type ActualColumn = { type: string; notNull: boolean; default: string | null; identity: boolean };

type Actual = {
  tables: Map<string, Map<string, ActualColumn>>;
  indexes: (IndexShape & { name: string })[];
  foreignKeys: (ForeignKeyShape & { name: string })[];
  enums: Map<string, string[]>;
};

/** Every difference between the Prisma schema at schemaPath and the database, one sentence each; empty when they agree. */
export async function findSchemaDrift(connection: SqlConnection, schemaPath: string): Promise<string[]> {
  const source = fs.readFileSync(schemaPath, "utf8");
  const { datamodel } = await getDMMF({ datamodel: source });
  return compare(expectationsOf(datamodel, unsupportedFieldsOf(source)), await readCatalog(connection));
}

type UnsupportedField = { model: string; name: string; type: string; optional: boolean; column: string };

// DMMF leaves Unsupported("…") fields out (the client cannot read or write
// them), so they are read from the schema text: `name Unsupported("type")?`
// with an optional @map("column"). Their type is compared as PostgreSQL
// spells it; a generated column's expression is not compared.
export function unsupportedFieldsOf(source: string): UnsupportedField[] {
  const fields: UnsupportedField[] = [];
  for (const block of source.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, model = "", body = ""] = block;
    for (const line of body.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?([^\n]*)$/gm)) {
      const [, name = "", type = "", optional, rest = ""] = line;
      const column = /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? name;
      fields.push({ model, name, type, optional: optional === "?", column });
    }
  }
  return fields;
}

// ---------------------------------------------------------------- schema side

const DEFAULT_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

const withPrecision = (base: string, suffix = "") => (args: readonly string[]) =>
  args[0] === undefined ? `${base}${suffix}` : `${base}(${args.join(",")})${suffix}`;

// @db.* attributes of the postgresql connector, as format_type() prints them.
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => "text",
  Char: (args) => `character(${args[0] ?? 1})`,
  VarChar: withPrecision("character varying"),
  Uuid: () => "uuid",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Bit: (args) => `bit(${args[0] ?? 1})`,
  VarBit: withPrecision("bit varying"),
  SmallInt: () => "smallint",
  Integer: () => "integer",
  Oid: () => "oid",
  BigInt: () => "bigint",
  DoublePrecision: () => "double precision",
  Real: () => "real",
  Decimal: withPrecision("numeric"),
  Money: () => "money",
  Timestamp: withPrecision("timestamp", " without time zone"),
  Timestamptz: withPrecision("timestamp", " with time zone"),
  Date: () => "date",
  Time: withPrecision("time", " without time zone"),
  Timetz: withPrecision("time", " with time zone"),
  Boolean: () => "boolean",
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
};

const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

// Defaults Prisma Client fills in itself: the column has none.
const CLIENT_SIDE_DEFAULTS = new Set(["cuid", "uuid", "nanoid", "ulid"]);

function expectationsOf(datamodel: Datamodel, unsupportedFields: UnsupportedField[]): Expected {
  const expected: Expected = { tables: new Map(), indexes: [], foreignKeys: [], enums: new Map(), unsupported: [] };
  const tableOf = new Map(datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    const unsupportedField = unsupportedFields.find((candidate) => candidate.model === model.name && candidate.name === fieldName);
    return field?.dbName ?? unsupportedField?.column ?? fieldName;
  };
  const enumDbNames = new Map(datamodel.enums.map((enumType) => [enumType.name, enumType.dbName ?? enumType.name]));
  // A default names the enum value as the schema spells it; the column's default holds its @map.
  const enumValueDbNames = new Map(
    datamodel.enums.map((enumType) => [enumType.name, new Map(enumType.values.map((value) => [value.name, value.dbName ?? value.name]))]),
  );

  for (const enumType of datamodel.enums) {
    expected.enums.set(enumType.dbName ?? enumType.name, {
      label: `enum ${enumType.name}`,
      values: enumType.values.map((value) => value.dbName ?? value.name),
    });
  }

  for (const model of datamodel.models) {
    const table = model.dbName ?? model.name;
    if (model.schema) expected.unsupported.push(`model ${model.name}: @@schema("${model.schema}") is not compared by tests/helpers/schema-drift.ts`);
    const columns = new Map<string, ExpectedColumn>();
    for (const field of model.fields) {
      if (field.kind === "object") {
        const foreignKey = foreignKeyOf(model, field, datamodel, tableOf, columnOf);
        if (foreignKey) expected.foreignKeys.push(foreignKey);
        else if (field.isList && isImplicitManyToMany(model, field, datamodel)) {
          expected.unsupported.push(
            `${model.name}.${field.name}: implicit many-to-many relations are not compared by tests/helpers/schema-drift.ts; declare an explicit join model`,
          );
        }
        continue;
      }
      columns.set(field.dbName ?? field.name, {
        label: `${model.name}.${field.name}`,
        type: columnTypeOf(field, enumDbNames),
        notNull: field.isList ? null : field.isRequired,
        declared: `${field.type}${field.isList ? "[]" : field.isRequired ? "" : "?"}`,
        default: defaultRuleOf(field, enumValueDbNames.get(field.type)),
      });
    }
    for (const field of unsupportedFields.filter((candidate) => candidate.model === model.name)) {
      columns.set(field.column, {
        label: `${model.name}.${field.name}`,
        type: field.type,
        notNull: !field.optional,
        declared: `Unsupported("${field.type}")${field.optional ? "?" : ""}`,
        default: { kind: "unchecked" },
      });
    }
    expected.tables.set(table, { label: `model ${model.name}`, columns });
  }

  for (const index of datamodel.indexes) {
    const model = datamodel.models.find((candidate) => candidate.name === index.model);
    if (!model || index.type === "fulltext") continue;
    const table = tableOf.get(model.name) ?? model.name;
    const columns = index.fields.map((field) => columnOf(model, field.name));
    const kind: IndexKind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    const attribute = `${index.isDefinedOnField ? "@" : "@@"}${index.type === "normal" ? "index" : index.type}`;
    const fieldList = index.fields.map((field) => field.name).join(", ");
    expected.indexes.push({
      name: index.dbName ?? defaultIndexName(table, columns, kind),
      label: `${model.name}: ${index.isDefinedOnField ? `${fieldList} ${attribute}` : `${attribute}([${fieldList}])`}`,
      table,
      kind,
      columns,
      descending: index.fields.map((field) => field.sortOrder === "desc"),
      method: (index.algorithm ?? "BTree").toLowerCase(),
      partial: false,
    });
  }
  return expected;
}

function columnTypeOf(field: Field, enumDbNames: Map<string, string>): string | null {
  if (field.kind === "unsupported") return null;
  const list = field.isList ? "[]" : "";
  if (field.kind === "enum") return `enum "${enumDbNames.get(field.type) ?? field.type}"${list}`;
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = NATIVE_TYPES[name];
    return render ? `${render(args)}${list}` : `@db.${name} (unknown to tests/helpers/schema-drift.ts)`;
  }
  return `${DEFAULT_TYPES[field.type] ?? `${field.type} (unknown to tests/helpers/schema-drift.ts)`}${list}`;
}

function defaultRuleOf(field: Field, enumValueDbNames: Map<string, string> | undefined): DefaultRule {
  if (!field.hasDefaultValue || field.default === undefined) return { kind: "none" };
  const declared = field.default;
  if (typeof declared !== "object") {
    const declaredText = field.kind === "enum" ? String(declared) : JSON.stringify(declared);
    return { kind: "value", value: enumValueDbNames?.get(String(declared)) ?? declared, fieldType: field.type, declared: declaredText };
  }
  // A list's default (String[] @default([…])): its presence is compared, not its text.
  if (!("name" in declared)) return { kind: "present", declared: `[${declared.join(", ")}]` };
  if (declared.name === "autoincrement") return { kind: "autoincrement" };
  if (declared.name === "now") return { kind: "now" };
  if (CLIENT_SIDE_DEFAULTS.has(declared.name)) return { kind: "none" };
  // dbgenerated() without an expression declares a default the schema does
  // not describe (a trigger, say); with one, the text is the database's own
  // and only its presence is compared.
  if (declared.name === "dbgenerated" && declared.args.length === 0) return { kind: "unchecked" };
  return { kind: "present", declared: `${declared.name}(${declared.args.map((arg) => JSON.stringify(arg)).join(", ")})` };
}

function foreignKeyOf(
  model: Model,
  field: Field,
  datamodel: Datamodel,
  tableOf: Map<string, string>,
  columnOf: (model: Model, field: string) => string,
): ExpectedForeignKey | null {
  const fromFields = field.relationFromFields ?? [];
  if (fromFields.length === 0) return null;
  const target = datamodel.models.find((candidate) => candidate.name === field.type);
  if (!target) return null;
  const fromAreRequired = fromFields.every((name) => model.fields.find((candidate) => candidate.name === name)?.isRequired);
  // Prisma's defaults: Restrict for a required relation, SetNull for an optional one; Cascade on update.
  const onDelete = field.relationOnDelete ?? (fromAreRequired ? "Restrict" : "SetNull");
  const onUpdate = field.relationOnUpdate ?? "Cascade";
  return {
    label: `${model.name}.${field.name} (@relation to ${target.name})`,
    table: tableOf.get(model.name) ?? model.name,
    columns: fromFields.map((name) => columnOf(model, name)),
    refTable: tableOf.get(target.name) ?? target.name,
    refColumns: (field.relationToFields ?? []).map((name) => columnOf(target, name)),
    onDelete: REFERENTIAL_ACTIONS[onDelete] ?? onDelete,
    onUpdate: REFERENTIAL_ACTIONS[onUpdate] ?? onUpdate,
  };
}

function isImplicitManyToMany(model: Model, field: Field, datamodel: Datamodel): boolean {
  const other = datamodel.models
    .find((candidate) => candidate.name === field.type)
    ?.fields.find((candidate) => candidate.relationName === field.relationName && !(candidate.name === field.name && field.type === model.name));
  return other?.isList === true;
}

// Prisma's ConstraintNames (psl-core): {table}_{columns}_{suffix}, the part
// before the suffix cut so that the whole fits in an identifier.
function defaultIndexName(table: string, columns: string[], kind: IndexKind): string {
  if (kind === "primary key") return `${truncateBytes(table, MAX_IDENTIFIER_BYTES - "_pkey".length)}_pkey`;
  const suffix = kind === "unique index" ? "_key" : "_idx";
  return `${truncateBytes(`${table}_${columns.join("_")}`, MAX_IDENTIFIER_BYTES - suffix.length)}${suffix}`;
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = "";
  for (const character of text) {
    if (Buffer.byteLength(out + character) > maxBytes) break;
    out += character;
  }
  return out;
}

// -------------------------------------------------------------- database side

async function readCatalog(connection: SqlConnection): Promise<Actual> {
  const tableRows = await connection.query<{ table_name: string }>(
    `SELECT c.relname AS table_name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
  );
  const tables = new Map(tableRows.map((row) => [row.table_name, new Map<string, ActualColumn>()]));

  const columnRows = await connection.query<{
    table_name: string;
    column_name: string;
    not_null: boolean;
    type: string;
    column_default: string | null;
    is_identity: boolean;
  }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, a.attnotnull AS not_null,
            CASE WHEN t.typtype = 'e' THEN 'enum "' || t.typname || '"'
                 WHEN et.typtype = 'e' THEN 'enum "' || et.typname || '"[]'
                 ELSE format_type(a.atttypid, a.atttypmod) END AS type,
            pg_get_expr(d.adbin, d.adrelid) AS column_default,
            a.attidentity <> '' AS is_identity
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname, a.attnum`,
  );
  for (const row of columnRows) {
    tables.get(row.table_name)?.set(row.column_name, {
      type: row.type,
      notNull: row.not_null,
      default: row.column_default,
      identity: row.is_identity,
    });
  }

  const indexRows = await connection.query<{
    index_name: string;
    table_name: string;
    is_primary: boolean;
    is_unique: boolean;
    method: string;
    is_partial: boolean;
    columns: string[];
    descending: boolean[];
  }>(
    `SELECT ic.relname AS index_name, tc.relname AS table_name, i.indisprimary AS is_primary, i.indisunique AS is_unique,
            am.amname AS method, i.indpred IS NOT NULL AS is_partial,
            ARRAY(SELECT coalesce(a.attname::text, pg_get_indexdef(i.indexrelid, k.ord::int, true))
                    FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                   WHERE k.ord <= i.indnkeyatts
                   ORDER BY k.ord) AS columns,
            ARRAY(SELECT (o.option & 1) = 1
                    FROM unnest(i.indoption::int2[]) WITH ORDINALITY AS o(option, ord)
                   WHERE o.ord <= i.indnkeyatts
                   ORDER BY o.ord) AS descending
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
       JOIN pg_am am ON am.oid = ic.relam
      WHERE n.nspname = current_schema() AND tc.relkind IN ('r', 'p')`,
  );
  const indexes = indexRows.map((row) => ({
    name: row.index_name,
    table: row.table_name,
    kind: (row.is_primary ? "primary key" : row.is_unique ? "unique index" : "index") as IndexKind,
    columns: row.columns,
    descending: row.descending,
    method: row.method,
    partial: row.is_partial,
  }));

  const foreignKeyRows = await connection.query<{
    name: string;
    table_name: string;
    ref_table: string;
    on_delete: string;
    on_update: string;
    columns: string[];
    ref_columns: string[];
  }>(
    `SELECT con.conname AS name, tc.relname AS table_name, rc.relname AS ref_table,
            con.confdeltype::text AS on_delete, con.confupdtype::text AS on_update,
            ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
       FROM pg_constraint con
       JOIN pg_class tc ON tc.oid = con.conrelid
       JOIN pg_class rc ON rc.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  const actionNames: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
  const foreignKeys = foreignKeyRows.map((row) => ({
    name: row.name,
    table: row.table_name,
    columns: row.columns,
    refTable: row.ref_table,
    refColumns: row.ref_columns,
    onDelete: actionNames[row.on_delete] ?? row.on_delete,
    onUpdate: actionNames[row.on_update] ?? row.on_update,
  }));

  const enumRows = await connection.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name,
            ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND n.nspname = current_schema()`,
  );
  const enums = new Map(enumRows.map((row) => [row.name, row.labels]));

  for (const table of IGNORED_TABLES) tables.delete(table);
  return {
    tables,
    indexes: indexes.filter((index) => !IGNORED_TABLES.has(index.table)),
    foreignKeys: foreignKeys.filter((foreignKey) => !IGNORED_TABLES.has(foreignKey.table)),
    enums,
  };
}

// ----------------------------------------------------------------- comparison

const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(", ");

function describeIndex(index: IndexShape): string {
  const columns = index.columns.map((column, position) => `"${column}"${index.descending[position] ? " DESC" : ""}`).join(", ");
  return `${index.kind} ${index.method === "btree" ? "" : `USING ${index.method} `}on "${index.table}" (${columns})${index.partial ? " WHERE …" : ""}`;
}

function describeForeignKey(foreignKey: ForeignKeyShape): string {
  return `foreign key "${foreignKey.table}" (${quoted(foreignKey.columns)}) REFERENCES "${foreignKey.refTable}" (${quoted(foreignKey.refColumns)}) ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate}`;
}

function compare(expected: Expected, actual: Actual): string[] {
  const differences: string[] = [...expected.unsupported];

  for (const [name, { label, values }] of expected.enums) {
    const labels = actual.enums.get(name);
    if (!labels) differences.push(`${label}: type "${name}" is missing from the database`);
    else if (labels.join("\u0000") !== values.join("\u0000")) {
      differences.push(`${label}: the database has values (${labels.join(", ")}), schema.prisma has (${values.join(", ")}) (same values in the same order expected)`);
    }
  }
  for (const name of actual.enums.keys()) {
    if (!expected.enums.has(name)) differences.push(`enum type "${name}" is in the database but schema.prisma has no enum that maps to it`);
  }

  for (const [table, { label, columns }] of expected.tables) {
    const actualColumns = actual.tables.get(table);
    if (!actualColumns) {
      differences.push(`${label}: table "${table}" is missing from the database`);
      continue;
    }
    for (const [column, expectedColumn] of columns) {
      const actualColumn = actualColumns.get(column);
      if (!actualColumn) {
        differences.push(`${expectedColumn.label}: column "${table}"."${column}" (${expectedColumn.declared}) is missing from the database`);
        continue;
      }
      differences.push(...compareColumn(expectedColumn, actualColumn));
    }
    for (const column of actualColumns.keys()) {
      if (!columns.has(column)) differences.push(`${label}: column "${table}"."${column}" is in the database but not in schema.prisma`);
    }
  }
  for (const table of actual.tables.keys()) {
    if (!expected.tables.has(table)) differences.push(`table "${table}" is in the database but no model of schema.prisma maps to it`);
  }

  differences.push(...compareIndexes(expected, actual));
  differences.push(...compareForeignKeys(expected, actual));
  return differences;
}

function compareColumn(expected: ExpectedColumn, actual: ActualColumn): string[] {
  const differences: string[] = [];
  if (expected.type !== null && expected.type !== actual.type) {
    differences.push(`${expected.label}: the column's type is ${actual.type} in the database, schema.prisma (${expected.declared}) expects ${expected.type}`);
  }
  if (expected.notNull !== null && expected.notNull !== actual.notNull) {
    differences.push(
      expected.notNull
        ? `${expected.label}: the column is nullable in the database, schema.prisma declares it required (${expected.declared})`
        : `${expected.label}: the column is NOT NULL in the database, schema.prisma declares it optional (${expected.declared})`,
    );
  }
  const defaultProblem = compareDefault(expected.default, actual);
  if (defaultProblem) differences.push(`${expected.label}: ${defaultProblem}`);
  return differences;
}

function compareDefault(rule: DefaultRule, actual: ActualColumn): string | null {
  const found = actual.default;
  switch (rule.kind) {
    case "unchecked":
      return null;
    case "none":
      return found === null && !actual.identity ? null : `the database has a default (${found ?? "identity"}), schema.prisma declares none`;
    case "autoincrement":
      return actual.identity || /^nextval\(/.test(found ?? "") ? null : `schema.prisma declares @default(autoincrement()), the database has ${found === null ? "no default" : `the default ${found}`}`;
    case "now":
      return /^(CURRENT_TIMESTAMP|now\(\))$/i.test(found ?? "") ? null : `schema.prisma declares @default(now()), the database has ${found === null ? "no default" : `the default ${found}`}`;
    case "present":
      return found !== null ? null : `schema.prisma declares @default(${rule.declared}), the database has no default`;
    case "value": {
      if (found === null) return `schema.prisma declares @default(${rule.declared}), the database has no default`;
      return literalMatches(rule, found) ? null : `schema.prisma declares @default(${rule.declared}), the database has the default ${found}`;
    }
  }
}

// Column defaults as pg_get_expr prints them: 'en'::text, 0, false, '{}'::jsonb, 'DRAFT'::"ConsultationStatus".
function literalMatches(rule: { value: string | number | boolean; fieldType: string }, expression: string): boolean {
  const quotedLiteral = /^'((?:[^']|'')*)'(?:::.+)?$/s.exec(expression);
  const bareLiteral = /^\(?(-?\d+(?:\.\d+)?|true|false)\)?(?:::[\w ]+)?$/.exec(expression);
  const literal = quotedLiteral ? (quotedLiteral[1] ?? "").replace(/''/g, "'") : bareLiteral?.[1];
  if (literal === undefined) return false;
  switch (rule.fieldType) {
    case "Json":
      try {
        return JSON.stringify(JSON.parse(literal)) === JSON.stringify(JSON.parse(String(rule.value)));
      } catch {
        return false;
      }
    case "DateTime":
      return new Date(`${literal.replace(" ", "T")}Z`).getTime() === new Date(String(rule.value)).getTime();
    case "Float":
    case "Decimal":
      return Number(literal) === Number(rule.value);
    default:
      return literal === String(rule.value);
  }
}

function sameIndexShape(a: IndexShape, b: IndexShape): boolean {
  return describeIndex(a) === describeIndex(b);
}

function compareIndexes(expected: Expected, actual: Actual): string[] {
  const differences: string[] = [];
  const sharedTables = (table: string) => expected.tables.has(table) && actual.tables.has(table);
  const wanted = expected.indexes.filter((index) => sharedTables(index.table));
  const present = actual.indexes.filter((index) => sharedTables(index.table));
  const matched = new Set<string>();

  for (const index of wanted) {
    const sameName = present.find((candidate) => candidate.name === index.name);
    if (sameName) {
      matched.add(sameName.name);
      if (!sameIndexShape(sameName, index)) {
        differences.push(`${index.label}: "${index.name}" is a ${describeIndex(sameName)} in the database, schema.prisma expects a ${describeIndex(index)}`);
      }
      continue;
    }
    const sameShape = present.find((candidate) => !matched.has(candidate.name) && sameIndexShape(candidate, index));
    if (sameShape) {
      matched.add(sameShape.name);
      differences.push(`${index.label}: the ${describeIndex(index)} is named "${sameShape.name}" in the database, schema.prisma expects "${index.name}"`);
      continue;
    }
    differences.push(`${index.label}: ${describeIndex(index)} ("${index.name}") is missing from the database`);
  }
  for (const index of present) {
    if (!matched.has(index.name)) differences.push(`${describeIndex(index)} ("${index.name}") is in the database but not in schema.prisma`);
  }
  return differences;
}

function compareForeignKeys(expected: Expected, actual: Actual): string[] {
  const differences: string[] = [];
  const sharedTables = (table: string) => expected.tables.has(table) && actual.tables.has(table);
  const key = (foreignKey: ForeignKeyShape) => `${foreignKey.table}\u0000${foreignKey.columns.join("\u0000")}`;
  const present = new Map(actual.foreignKeys.filter((foreignKey) => sharedTables(foreignKey.table)).map((foreignKey) => [key(foreignKey), foreignKey]));
  const matched = new Set<string>();

  for (const foreignKey of expected.foreignKeys.filter((candidate) => sharedTables(candidate.table))) {
    const found = present.get(key(foreignKey));
    if (!found) {
      differences.push(`${foreignKey.label}: ${describeForeignKey(foreignKey)} is missing from the database`);
      continue;
    }
    matched.add(key(foreignKey));
    if (describeForeignKey(found) !== describeForeignKey(foreignKey)) {
      differences.push(`${foreignKey.label}: the database has ${describeForeignKey(found)}, schema.prisma expects ${describeForeignKey(foreignKey)}`);
    }
  }
  for (const [foreignKeyKey, foreignKey] of present) {
    if (!matched.has(foreignKeyKey)) differences.push(`${describeForeignKey(foreignKey)} ("${foreignKey.name}") is in the database but not in schema.prisma`);
  }
  return differences;
}
