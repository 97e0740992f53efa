"use server";

import { revalidatePath } from "next/cache";
import { toActionError, type ActionResult } from "@/lib/errors";
import { changeMyPassword } from "@/lib/accounts/change-my-password";
import { registerUser } from "@/lib/accounts/register-user";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resendVerification } from "@/lib/accounts/resend-verification";
import { resetPassword } from "@/lib/accounts/reset-password";
import { updateMyProfile } from "@/lib/accounts/update-my-profile";
import type { ChangePasswordInput, EmailOnlyInput, ProfileInput, RegistrationInput, ResetPasswordInput } from "@/lib/accounts/schema";

// Thin entry points for the account forms. Each domain function parses its
// input with the form's schema and checks who is calling; these only turn
// the outcome into an ActionResult.

async function run(action: string, work: () => Promise<{ message: string }>): Promise<ActionResult> {
  try {
    const { message } = await work();
    return { ok: true, data: undefined, message };
  } catch (error) {
    return toActionError(error, { action });
  }
}

export async function registerAction(input: RegistrationInput): Promise<ActionResult> {
  return run("register", () => registerUser(input));
}

export async function resendVerificationAction(input: EmailOnlyInput): Promise<ActionResult> {
  return run("resendVerification", () => resendVerification(input));
}

export async function requestPasswordResetAction(input: EmailOnlyInput): Promise<ActionResult> {
  return run("requestPasswordReset", () => requestPasswordReset(input));
}

export async function resetPasswordAction(input: ResetPasswordInput): Promise<ActionResult> {
  return run("resetPassword", () => resetPassword(input));
}

export async function updateMyProfileAction(input: ProfileInput): Promise<ActionResult> {
  const result = await run("updateMyProfile", () => updateMyProfile(input));
  // The header shows the display name on every page.
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function changeMyPasswordAction(input: ChangePasswordInput): Promise<ActionResult> {
  return run("changeMyPassword", () => changeMyPassword(input));
}
