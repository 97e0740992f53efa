import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";

export const USERS_PAGE_SIZE = 25;

const userId = z.string("Choose a user.").trim().min(1, "Choose a user.").max(64, "This user id is not valid.");

// The admin user list's filters. They arrive from a GET form as strings; an
// empty field means "any".
export const findUsersSchema = z.object({
  query: z
    .string()
    .trim()
    .max(200, "Search for at most 200 characters.")
    .optional()
    .transform((value) => (value ? value : undefined)),
  role: z.preprocess((value) => (value === "" ? undefined : value), z.enum(Role, "Choose a role from the list.").optional()),
  page: z.coerce
    .number("The page must be a number.")
    .int("The page must be a whole number.")
    .min(1, "The page must be 1 or more.")
    .max(100_000, "This page does not exist.")
    .default(1),
});

export type FindUsersInput = z.input<typeof findUsersSchema>;

export const changeUserRoleSchema = z.object({
  userId,
  role: z.enum(Role, "Choose a role from the list."),
});

export type ChangeUserRoleInput = z.input<typeof changeUserRoleSchema>;

export const setUserSuspendedSchema = z
  .object({
    userId,
    suspended: z.boolean(),
    reason: z.string().trim().max(500, "Keep the reason under 500 characters.").optional(),
  })
  // The reason is shown to other administrators and kept in the moderation
  // log: a suspension without one cannot be reviewed later.
  .refine((input) => !input.suspended || (input.reason ?? "").length >= 5, {
    path: ["reason"],
    message: "Say why you are suspending this account (at least 5 characters).",
  });

export type SetUserSuspendedInput = z.input<typeof setUserSuspendedSchema>;
