import { SectionNav, type SectionLink } from "@/components/ui/section-nav";

const LINKS: SectionLink[] = [
  { href: "/admin/consultations", label: "Consultations" },
  { href: "/admin/conferences", label: "Conferences" },
  { href: "/admin/users", label: "Users and roles" },
  { href: "/admin/rejection-reasons", label: "Rejection reasons" },
];

export function AdminNav() {
  return <SectionNav label="Administration" links={LINKS} />;
}
