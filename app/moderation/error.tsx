"use client";

import { SectionError } from "@/components/ui/section-error";

export default function ModerationError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <SectionError
      title="This moderation page could not be shown"
      description="Something went wrong on our side while reading it. The problem has been logged; decisions already confirmed stand. You can try again."
      retry={retry}
      back={{ href: "/moderation", label: "Back to the queue" }}
    />
  );
}
