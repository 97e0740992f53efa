"use client";

import { SectionError } from "@/components/ui/section-error";

export default function AdminError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <SectionError
      title="This administration page could not be shown"
      description="Something went wrong on our side while reading it. The problem has been logged and nothing you saved was lost. You can try again."
      retry={retry}
      back={{ href: "/admin/consultations", label: "Back to the consultations" }}
    />
  );
}
