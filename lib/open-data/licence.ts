// The terms the open data is published under, in one place: the /open-data
// page, the OpenAPI document and the Link header of every answer read them
// from here, so an operator who publishes under other terms changes this
// constant and nothing else. CC BY 4.0 is the licence the European
// Commission adopted for its own documents and data (Decision (EU) 2019/1372).

export const OPEN_DATA_LICENCE = {
  name: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
  /** SPDX identifier, for the OpenAPI document. */
  spdx: "CC-BY-4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  statement:
    "Approved contributions and published summaries are published for reuse under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, share and adapt them for any purpose, including commercially, provided you credit the source (Agora, with a link to the contribution or the consultation) and say whether you changed anything.",
} as const;
