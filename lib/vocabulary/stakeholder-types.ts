import { StakeholderType } from "@/lib/generated/prisma/enums";
import type { Option } from "@/lib/vocabulary/options";

export const STAKEHOLDER_TYPE_LABELS: Record<StakeholderType, string> = {
  EU_CITIZEN: "EU citizen",
  NON_EU_CITIZEN: "Non-EU citizen",
  COMPANY: "Company or business",
  BUSINESS_ASSOCIATION: "Business association",
  NGO: "Non-governmental organisation (NGO)",
  ACADEMIC: "Academic or research institution",
  PUBLIC_AUTHORITY: "Public authority",
  TRADE_UNION: "Trade union",
  CONSUMER_ORGANISATION: "Consumer organisation",
  ENVIRONMENTAL_ORGANISATION: "Environmental organisation",
  OTHER: "Other",
};

export const stakeholderTypeOptions: Option<StakeholderType>[] = Object.values(StakeholderType).map((value) => ({
  value,
  label: STAKEHOLDER_TYPE_LABELS[value],
}));

const CITIZEN_TYPES: ReadonlySet<StakeholderType> = new Set(["EU_CITIZEN", "NON_EU_CITIZEN"]);
// "Other" may be an individual or a body: organisation details are optional.
const ORGANISATION_OPTIONAL_TYPES: ReadonlySet<StakeholderType> = new Set(["OTHER"]);

/** Citizens speak for themselves: the form hides the organisation fields. */
export function isCitizenType(type: StakeholderType | "" | undefined): boolean {
  return type !== undefined && type !== "" && CITIZEN_TYPES.has(type);
}

export function requiresOrganisation(type: StakeholderType | "" | undefined): boolean {
  return type !== undefined && type !== "" && !CITIZEN_TYPES.has(type) && !ORGANISATION_OPTIONAL_TYPES.has(type);
}
