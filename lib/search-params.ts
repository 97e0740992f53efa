// Next.js hands a page its query string as string | string[] | undefined per
// key; forms here send each key once, so a repeated key keeps its first value.
export type SearchParams = Record<string, string | string[] | undefined>;

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
