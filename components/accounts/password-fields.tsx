"use client";

import type { ComponentProps } from "react";
import { TextField } from "@/components/ui/form/text-field";
import { PASSWORD_MIN_LENGTH, preloadPasswordEstimator } from "@/lib/accounts/password-strength";

type Props = ComponentProps<typeof TextField>;

/** A field for choosing a password: says what makes one strong, and loads the strength checker on focus. */
export function NewPasswordField(props: Omit<Props, "type" | "autoComplete" | "hint" | "onFocus">) {
  return (
    <TextField
      type="password"
      autoComplete="new-password"
      hint={`At least ${PASSWORD_MIN_LENGTH} characters and hard to guess: a few unrelated words make a strong password you can remember.`}
      onFocus={preloadPasswordEstimator}
      required
      {...props}
    />
  );
}

export function ConfirmPasswordField(props: Omit<Props, "type" | "autoComplete" | "label">) {
  return <TextField type="password" autoComplete="new-password" label="New password, again" required {...props} />;
}
