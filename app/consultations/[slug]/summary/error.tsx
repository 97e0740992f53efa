"use client";

import { useParams } from "next/navigation";
import { SectionError } from "@/components/ui/section-error";

export default function SummaryError({ retry }: { error: unknown; retry: () => void }) {
  const { slug } = useParams<{ slug: string }>();
  return (
    <SectionError
      title="This summary could not be shown"
      description="Something went wrong on our side while counting its figures or reading its themes. The problem has been logged, and nothing published has changed. You can try again."
      retry={retry}
      back={{ href: `/consultations/${slug}`, label: "Back to the consultation" }}
    />
  );
}
