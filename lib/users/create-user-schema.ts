import { z } from "zod";
import { countryOptions } from "@/lib/vocabulary/countries";
import { emailOnlySchema } from "@/lib/accounts/schema";
import { passwordProblem } from "@/lib/accounts/password-strength";
import { Role } from "@/lib/generated/prisma/enums";

// What `npm run user:create` accepts. The e-mail, country and password rules
// are the registration form's, so an account made on the command line could
// also have been made in the browser.

const COUNTRY_CODES: ReadonlySet<string> = new Set(countryOptions.map((option) => option.value));

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const createUserSchema = z
  .object({
    email: emailOnlySchema.shape.email,
    role: z
      .string("Give a role: admin, moderator or participant.")
      .trim()
      .toUpperCase()
      .transform((role) => (role === "ADMINISTRATOR" ? "ADMIN" : role))
      .pipe(z.enum(Role, "Give a role: admin, moderator or participant.")),
    name: z.preprocess(
      blankToUndefined,
      z.string().trim().min(2, "Give a name of at least 2 characters.").max(100, "Give a name of at most 100 characters.").optional(),
    ),
    country: z.preprocess(
      blankToUndefined,
      z
        .string()
        .trim()
        .toUpperCase()
        .refine((code) => COUNTRY_CODES.has(code), "Give a country as a two-letter ISO 3166-1 code, for example BE or JP.")
        .optional(),
    ),
    // Absent: keep the current password of an existing account.
    password: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  })
  .superRefine(async (input, ctx) => {
    if (input.password === undefined) return;
    const problem = await passwordProblem(input.password, [input.email, input.name ?? ""]);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type CreateUserInput = z.input<typeof createUserSchema>;
