"use server";

import { defineAction } from "@/lib/actions/define-action";
import { changeMyPassword } from "@/lib/accounts/change-my-password";
import { registerUser } from "@/lib/accounts/register-user";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resendVerification } from "@/lib/accounts/resend-verification";
import { resetPassword } from "@/lib/accounts/reset-password";
import { updateMyProfile } from "@/lib/accounts/update-my-profile";
import type { ChangePasswordInput, EmailOnlyInput, ProfileInput, RegistrationInput, ResetPasswordInput } from "@/lib/accounts/schema";

// Entry points of the account forms. Each domain function parses its input
// with the form's schema, checks who is calling and words its own
// confirmation; the browser gets that message and nothing else.

const confirmation = { data: () => undefined, message: ({ message }: { message: string }) => message };

export const registerAction = defineAction("register", (input: RegistrationInput) => registerUser(input), confirmation);

export const resendVerificationAction = defineAction("resendVerification", (input: EmailOnlyInput) => resendVerification(input), confirmation);

export const requestPasswordResetAction = defineAction("requestPasswordReset", (input: EmailOnlyInput) => requestPasswordReset(input), confirmation);

export const resetPasswordAction = defineAction("resetPassword", (input: ResetPasswordInput) => resetPassword(input), confirmation);

export const updateMyProfileAction = defineAction("updateMyProfile", (input: ProfileInput) => updateMyProfile(input), {
  ...confirmation,
  // The header shows the display name on every page.
  revalidate: () => [["/", "layout"]],
});

export const changeMyPasswordAction = defineAction("changeMyPassword", (input: ChangePasswordInput) => changeMyPassword(input), confirmation);
