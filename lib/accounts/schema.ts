import { z } from "zod";
import { OrganisationSize, PublicationPreference, StakeholderType } from "@/lib/generated/prisma/enums";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "@/lib/accounts/password-strength";
import { isCountryCode } from "@/lib/vocabulary/countries";
import { isCitizenType, requiresOrganisation } from "@/lib/vocabulary/stakeholder-types";

// Isomorphic: the account forms validate with these schemas in the browser
// (zodResolver) and the server actions parse with the same ones. Every
// message here is read by the person filling in the form. The schemas with
// a new password check its strength asynchronously (the estimator loads on
// first use): parse them with safeParseAsync / parseInputAsync.

const newPassword = z.string("Choose a password.").superRefine(async (password, ctx) => {
  const problem = await passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

// ---------------------------------------------------------------------------
// Fields

const email = z
  .string("Enter your e-mail address.")
  .trim()
  .toLowerCase()
  .min(1, "Enter your e-mail address.")
  .max(254, "This e-mail address is too long.")
  .pipe(z.email("Enter an e-mail address like name@example.org."));

const displayName = z
  .string("Enter the name to show with your contributions.")
  .trim()
  .min(2, "Enter the name to show with your contributions (at least 2 characters).")
  .max(100, "Use at most 100 characters for your name.");

const stakeholderType = z.enum(StakeholderType, "Choose the kind of stakeholder you are.");

/** Empty form fields ("" from an input or a select) mean "not given". */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const organisationName = z.preprocess(
  blankToNull,
  z.string().trim().max(200, "Use at most 200 characters for the organisation's name.").nullable().optional(),
);

const organisationSize = z.preprocess(blankToNull, z.enum(OrganisationSize, "Choose a size from the list.").nullable().optional());

const country = z
  .string("Choose a country from the list.")
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country from the list.");

export const TRANSPARENCY_REGISTER_EXAMPLE = "123456789012-34";

const transparencyRegisterNumber = z.preprocess(
  blankToNull,
  z
    .string()
    .trim()
    .regex(/^\d{9,12}-\d{2}$/, `Enter the number as it appears in the EU Transparency Register, for example ${TRANSPARENCY_REGISTER_EXAMPLE}.`)
    .nullable()
    .optional(),
);

const publicationPreference = z.enum(PublicationPreference, "Choose how your contributions are published.");

const profileFields = {
  displayName,
  stakeholderType,
  organisationName,
  organisationSize,
  country,
  transparencyRegisterNumber,
  publicationPreference,
};

type ProfileShape = {
  stakeholderType: StakeholderType;
  organisationName?: string | null;
  organisationSize?: OrganisationSize | null;
  transparencyRegisterNumber?: string | null;
};

function checkOrganisation(profile: ProfileShape, ctx: z.RefinementCtx): void {
  if (requiresOrganisation(profile.stakeholderType) && !profile.organisationName) {
    ctx.addIssue({ code: "custom", path: ["organisationName"], message: "Enter the name of the organisation you represent." });
  }
}

// Citizens speak for themselves: organisation details a browser may still
// send (hidden fields, a changed mind) are dropped, not stored.
function normaliseOrganisation<T extends ProfileShape>(profile: T) {
  const citizen = isCitizenType(profile.stakeholderType);
  return {
    ...profile,
    organisationName: citizen ? null : (profile.organisationName ?? null),
    organisationSize: citizen ? null : (profile.organisationSize ?? null),
    transparencyRegisterNumber: citizen ? null : (profile.transparencyRegisterNumber ?? null),
  };
}

// ---------------------------------------------------------------------------
// Forms

export const registrationSchema = z
  .object({
    email,
    password: newPassword,
    ...profileFields,
    acceptTerms: z.literal(true, "Accept the terms of use and the privacy notice to register."),
  })
  .superRefine(async (input, ctx) => {
    // A password strong on its own can still be weak for this person: made
    // of their e-mail address or name. Only asked once the field-level check
    // passed, so the form never shows two messages for one password.
    if ((await passwordProblem(input.password)) === null) {
      const problem = await passwordProblem(input.password, [input.email, input.displayName, input.organisationName ?? ""]);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    }
    checkOrganisation(input, ctx);
  })
  .transform(normaliseOrganisation);

export type RegistrationInput = z.input<typeof registrationSchema>;
export type Registration = z.output<typeof registrationSchema>;

export const profileSchema = z.object(profileFields).superRefine(checkOrganisation).transform(normaliseOrganisation);

export type ProfileInput = z.input<typeof profileSchema>;
export type Profile = z.output<typeof profileSchema>;

export const signInSchema = z.object({
  email,
  password: z.string("Enter your password.").min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "Enter your password."),
});

export type SignInInput = z.input<typeof signInSchema>;

export const emailOnlySchema = z.object({ email });

export type EmailOnlyInput = z.input<typeof emailOnlySchema>;

const tokenField = z
  .string("This link is incomplete. Open the link from the e-mail again.")
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is incomplete. Open the link from the e-mail again.");

export const verifyEmailSchema = z.object({ token: tokenField });

export const resetPasswordSchema = z
  .object({
    token: tokenField,
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string("Enter your current password.").min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.newPassword === input.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
