import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { changePasswordSchema, emailOnlySchema, profileSchema, registrationSchema, resetPasswordSchema } from "@/lib/accounts/schema";
import { countryOptions } from "@/lib/vocabulary/countries";
import { stakeholderTypeOptions } from "@/lib/vocabulary/stakeholder-types";
import { passwordProblem } from "@/lib/accounts/password-strength";
import { ngoRegistration, profileOf, STRONG_PASSWORD } from "../fixtures/registrations";

const STRONG = STRONG_PASSWORD;
const valid = ngoRegistration("  Kenji.Sato@Example.ORG ");

/** The messages zod gives, by field. */
async function messages(schema: z.ZodType, input: unknown): Promise<Record<string, string[]>> {
  const result = await schema.safeParseAsync(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return byField;
}

describe("registration schema", () => {
  it("accepts a complete NGO registration and normalises the e-mail address", async () => {
    const parsed = await registrationSchema.parseAsync(valid);
    expect(parsed).toMatchObject({ email: "kenji.sato@example.org", country: "JP", organisationSize: "SMALL", transparencyRegisterNumber: "123456789012-34" });
  });

  it("rejects weak passwords and says why", async () => {
    expect((await messages(registrationSchema, { ...valid, password: "short1!" })).password).toEqual(["Use at least 10 characters."]);
    const [common] = (await messages(registrationSchema, { ...valid, password: "password1234" })).password ?? [];
    expect(common).toMatch(/^This password is too easy to guess\. .*commonly used password/);
    const [repeated] = (await messages(registrationSchema, { ...valid, password: "aaaaaaaaaaaa" })).password ?? [];
    expect(repeated).toMatch(/Repeated characters/);
    expect((await messages(registrationSchema, { ...valid, password: "" })).password).toEqual(["Choose a password."]);
  });

  it("rejects a password made of the user's own e-mail address", async () => {
    const [problem] = (await messages(registrationSchema, { ...valid, email: "mitsuko.hayashibara@example.org", password: "mitsuko.hayashibara@example.org" })).password ?? [];
    expect(problem).toMatch(/too easy to guess/);
    await expect(passwordProblem("mitsuko.hayashibara@example.org")).resolves.toBeNull();
  });

  it("asks for a country from the list", async () => {
    for (const country of ["", "XX", "JPN", "Japan", "392"]) {
      expect((await messages(registrationSchema, { ...valid, country })).country).toEqual(["Choose a country from the list."]);
    }
    expect((await registrationSchema.parseAsync({ ...valid, country: "jp" })).country).toBe("JP");
  });

  it("checks the transparency register number's format and shows an example", async () => {
    for (const number of ["12345", "123456789012", "123456789012-3", "ABC456789012-34", "1234567890123-45"]) {
      expect((await messages(registrationSchema, { ...valid, transparencyRegisterNumber: number })).transparencyRegisterNumber).toEqual([
        "Enter the number as it appears in the EU Transparency Register, for example 123456789012-34.",
      ]);
    }
    expect((await registrationSchema.parseAsync({ ...valid, transparencyRegisterNumber: "" })).transparencyRegisterNumber).toBeNull();
    expect((await registrationSchema.parseAsync({ ...valid, transparencyRegisterNumber: "123456789-01" })).transparencyRegisterNumber).toBe("123456789-01");
  });

  it("requires an organisation name for organisations but not for citizens, whose organisation fields are dropped", async () => {
    expect((await messages(registrationSchema, { ...valid, organisationName: " " })).organisationName).toEqual(["Enter the name of the organisation you represent."]);
    const citizen = await registrationSchema.parseAsync({ ...valid, stakeholderType: "EU_CITIZEN", organisationName: "", country: "BE" });
    expect(citizen).toMatchObject({ organisationName: null, organisationSize: null, transparencyRegisterNumber: null });
    expect((await registrationSchema.parseAsync({ ...valid, stakeholderType: "OTHER", organisationName: "" })).organisationName).toBeNull();
  });

  it("names each missing or malformed field", async () => {
    const byField = await messages(registrationSchema, {
      email: "not-an-address",
      password: STRONG,
      displayName: "",
      stakeholderType: "ROBOT",
      organisationSize: "HUGE",
      country: "JP",
      publicationPreference: "LOUD",
      acceptTerms: false,
    });
    expect(byField).toEqual({
      email: ["Enter an e-mail address like name@example.org."],
      displayName: ["Enter the name to show with your contributions (at least 2 characters)."],
      stakeholderType: ["Choose the kind of stakeholder you are."],
      organisationSize: ["Choose a size from the list."],
      publicationPreference: ["Choose how your contributions are published."],
      acceptTerms: ["Accept the terms of use and the privacy notice to register."],
    });
  });
});

describe("other account schemas", () => {
  it("profile: same rules as registration, without e-mail and password", async () => {
    const profile = profileOf(valid);
    expect(await profileSchema.parseAsync(profile)).toMatchObject({ displayName: "Kenji Sato", country: "JP" });
    expect((await messages(profileSchema, { ...profile, country: "ZZ" })).country).toEqual(["Choose a country from the list."]);
  });

  it("reset and change password: strength, confirmation and a different new password", async () => {
    const token = "a".repeat(43);
    expect((await messages(resetPasswordSchema, { token, password: STRONG, confirmPassword: `${STRONG}x` })).confirmPassword).toEqual(["The two passwords do not match."]);
    expect((await messages(resetPasswordSchema, { token: "bad token", password: STRONG, confirmPassword: STRONG })).token).toEqual([
      "This link is incomplete. Open the link from the e-mail again.",
    ]);
    expect((await messages(changePasswordSchema, { currentPassword: STRONG, newPassword: STRONG, confirmPassword: STRONG })).newPassword).toEqual([
      "Choose a password different from your current one.",
    ]);
    expect(await messages(changePasswordSchema, { currentPassword: "", newPassword: "qwertyuiop12", confirmPassword: "qwertyuiop12" })).toMatchObject({
      currentPassword: ["Enter your current password."],
      newPassword: [expect.stringMatching(/too easy to guess/)],
    });
  });

  it("e-mail only forms normalise the address", async () => {
    expect(await emailOnlySchema.parseAsync({ email: " A@B.ORG" })).toEqual({ email: "a@b.org" });
    expect((await messages(emailOnlySchema, { email: "" })).email).toEqual(["Enter your e-mail address."]);
  });

  it("offers every stakeholder type and every country, sorted by name", async () => {
    expect(stakeholderTypeOptions.find((option) => option.value === "NGO")?.label).toBe("Non-governmental organisation (NGO)");
    expect(stakeholderTypeOptions).toHaveLength(11);
    expect(countryOptions.length).toBeGreaterThan(240);
    expect(countryOptions.find((option) => option.value === "JP")?.label).toBe("Japan");
    const labels = countryOptions.map((option) => option.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "en")));
  });
});
