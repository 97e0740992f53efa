import { OrganisationSize } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/vocabulary/options";

export const ORGANISATION_SIZE_LABELS: Record<OrganisationSize, string> = {
  MICRO: "Micro (fewer than 10 employees)",
  SMALL: "Small (10 to 49 employees)",
  MEDIUM: "Medium (50 to 249 employees)",
  LARGE: "Large (250 employees or more)",
};

export const organisationSizeOptions: Option<OrganisationSize>[] = Object.values(OrganisationSize).map((value) => ({
  value,
  label: ORGANISATION_SIZE_LABELS[value],
}));
