"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { ChoiceGroupField } from "@/components/ui/form/choice-group-field";
import { SelectField } from "@/components/ui/form/select-field";
import { TextField } from "@/components/ui/form/text-field";
import { countryOptions } from "@/lib/vocabulary/countries";
import { isCitizenType, requiresOrganisation, stakeholderTypeOptions } from "@/lib/vocabulary/stakeholder-types";
import { organisationSizeOptions } from "@/lib/vocabulary/organisation-sizes";
import { publicationPreferenceOptions } from "@/lib/vocabulary/publication";
import { TRANSPARENCY_REGISTER_EXAMPLE, type ProfileInput } from "@/lib/accounts/schema";

function message(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "message" in error && typeof error.message === "string" ? error.message : undefined;
}

/**
 * The stakeholder profile fields, shared by the registration form and the
 * profile form (both forms carry these field names). Organisation details
 * appear only for stakeholders who speak for an organisation.
 */
export function ProfileFields({ idPrefix }: { idPrefix: string }) {
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<ProfileInput>();
  const stakeholderType = useWatch({ control, name: "stakeholderType" });
  // Until a type is chosen the form stays short; citizens speak for themselves.
  const showOrganisation = Boolean(stakeholderType) && !isCitizenType(stakeholderType);
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <>
      <TextField
        id={id("displayName")}
        label="Your name"
        hint="Shown with your contributions unless you choose to publish anonymously."
        autoComplete="name"
        required
        error={message(errors.displayName)}
        {...register("displayName")}
      />
      <SelectField
        id={id("stakeholderType")}
        label="I am contributing as"
        placeholder="Choose the kind of stakeholder you are"
        options={stakeholderTypeOptions}
        required
        error={message(errors.stakeholderType)}
        {...register("stakeholderType")}
      />
      {showOrganisation ? (
        <fieldset className="space-y-5 rounded-md border border-slate-300 p-4">
          <legend className="px-1 font-semibold">Your organisation</legend>
          <TextField
            id={id("organisationName")}
            label="Organisation name"
            autoComplete="organization"
            required={requiresOrganisation(stakeholderType)}
            error={message(errors.organisationName)}
            {...register("organisationName")}
          />
          <SelectField
            id={id("organisationSize")}
            label="Organisation size"
            placeholder="Not specified"
            options={organisationSizeOptions}
            required={false}
            error={message(errors.organisationSize)}
            {...register("organisationSize")}
          />
          <TextField
            id={id("transparencyRegisterNumber")}
            label="EU Transparency Register number"
            hint={`If your organisation is registered, for example ${TRANSPARENCY_REGISTER_EXAMPLE}.`}
            inputMode="numeric"
            required={false}
            error={message(errors.transparencyRegisterNumber)}
            {...register("transparencyRegisterNumber")}
          />
        </fieldset>
      ) : null}
      <SelectField
        id={id("country")}
        label={showOrganisation ? "Country of the organisation" : "Country"}
        placeholder="Choose a country"
        options={countryOptions}
        autoComplete="country"
        required
        error={message(errors.country)}
        {...register("country")}
      />
      <ChoiceGroupField
        id={id("publicationPreference")}
        legend="How should your contributions be published?"
        choices={publicationPreferenceOptions}
        error={message(errors.publicationPreference)}
        {...register("publicationPreference")}
      />
    </>
  );
}
