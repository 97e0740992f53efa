// Shared, isomorphic vocabulary (countries, stakeholder types, languages,
// phases, time zones, organisation sizes, statuses and their labels): every
// domain imports these modules and they import no domain, so two domains that
// share a word never need each other (docs/decisions/0009).

/** One entry of a select or radio group: the stored value and the words a person reads. */
export type Option<T extends string = string> = { value: T; label: string };
