import { SectionNav } from "@/components/ui/section-nav";

export function ModerationNav() {
  return (
    <SectionNav
      label="Moderation"
      links={[
        { href: "/moderation", label: "Queue", prefixes: ["/moderation/contributions"] },
        { href: "/moderation/dashboard", label: "Dashboard" },
        { href: "/moderation/jobs", label: "Background jobs" },
      ]}
    />
  );
}
