"use client";

import { useRouter } from "next/navigation";
import { FormOutcome } from "@/components/ui/form/form-outcome";
import { SubmitButton } from "@/components/ui/form/submit-button";
import { TextareaField } from "@/components/ui/form/textarea-field";
import { useActionForm } from "@/components/ui/form/use-action-form";
import type { ActionResult } from "@/lib/errors";
import type { UpdatedSearchSynonyms } from "@/lib/search/search-synonyms";
import {
  SYNONYM_SETS_MAX,
  SYNONYM_TERMS_MAX,
  SYNONYMS_TEXT_MAX,
  updateSearchSynonymsSchema,
  type UpdateSearchSynonymsInput,
} from "@/lib/search/synonym-schema";

type Props = {
  consultationId: string;
  synonyms: string;
  action: (input: UpdateSearchSynonymsInput) => Promise<ActionResult<UpdatedSearchSynonyms>>;
};

/** The consultation's search synonyms, one set per line. */
export function SynonymsForm({ consultationId, synonyms, action }: Props) {
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: updateSearchSynonymsSchema,
    action,
    fields: ["synonyms"],
    defaultValues: { consultationId, synonyms },
    onSuccess: () => router.refresh(),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormOutcome outcome={outcome} hasFieldErrors={Boolean(errors.synonyms)} />
      <TextareaField
        id="search-synonyms"
        label="Synonyms"
        hint={`One set per line, its terms separated by “=”, for example “AI Board = European Artificial Intelligence Board”. A search that names one term also finds the others, in every language. At most ${SYNONYM_SETS_MAX} sets of ${SYNONYM_TERMS_MAX} terms.`}
        rows={8}
        maxLength={SYNONYMS_TEXT_MAX}
        spellCheck={false}
        error={errors.synonyms?.message}
        {...register("synonyms")}
      />
      <SubmitButton pending={isSubmitting}>Save synonyms</SubmitButton>
    </form>
  );
}
