import type { FieldDescription } from "@/lib/open-data/describe-schema";

const cell = "border-b border-slate-200 px-3 py-2 align-top";

/** Fields of a record (or parameters, or columns); the type column only when some field has a type. */
export function FieldTable({ caption, fields, nameHeader = "Field" }: { caption: string; fields: FieldDescription[]; nameHeader?: string }) {
  const typed = fields.some((field) => field.type !== "");
  return (
    <table className="mt-3 w-full border-collapse text-left text-sm">
      <caption className="mb-2 text-left text-slate-700">{caption}</caption>
      <thead>
        <tr className="bg-slate-50">
          {[nameHeader, ...(typed ? ["Type"] : []), "Meaning"].map((header) => (
            <th key={header} scope="col" className={cell}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field.name}>
            <th scope="row" className={`${cell} font-mono font-normal`}>
              {field.name}
              {field.optional ? <span className="block font-sans text-slate-700">optional</span> : null}
            </th>
            {typed ? <td className={`${cell} [overflow-wrap:anywhere]`}>{field.type}</td> : null}
            <td className={cell}>{field.description}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
