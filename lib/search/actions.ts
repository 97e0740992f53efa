"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updateSearchSynonyms } from "@/lib/search/search-synonyms";
import type { UpdateSearchSynonymsInput } from "@/lib/search/synonym-schema";

// Entry point of the synonyms form: the domain function checks the caller and the input.

export const updateSearchSynonymsAction = defineAction("updateSearchSynonyms", (input: UpdateSearchSynonymsInput) => updateSearchSynonyms(input), {
  revalidate: (saved) => [`/consultations/${saved.slug}/contributions`],
  message: (saved) =>
    saved.setCount === 0 ? "Synonyms saved: there are none now." : `Synonyms saved: ${saved.setCount} ${saved.setCount === 1 ? "set" : "sets"}.`,
});
