"use client";

import { SectionError } from "@/components/ui/section-error";

export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <SectionError
      title="Something went wrong"
      description="We could not show this page. The problem has been logged. You can try again."
      retry={retry}
      back={{ href: "/", label: "Home page" }}
    />
  );
}
