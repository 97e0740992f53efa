import type { ReactNode } from "react";
import type { MyProfile } from "@/lib/accounts/get-my-profile";
import { countryName } from "@/lib/vocabulary/countries";
import { ORGANISATION_SIZE_LABELS } from "@/lib/vocabulary/organisation-sizes";
import { PUBLICATION_PREFERENCE_LABELS } from "@/lib/vocabulary/publication";
import { STAKEHOLDER_TYPE_LABELS } from "@/lib/vocabulary/stakeholder-types";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { formatDate } from "@/lib/format";

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-3 sm:grid-cols-3 sm:gap-4">
      <dt className="font-medium text-slate-700">{term}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

export function ProfileSummary({ account }: { account: MyProfile }) {
  const { profile } = account;
  return (
    <section aria-labelledby="profile-summary" className="rounded-lg border border-slate-200 p-5">
      <h2 id="profile-summary" className="text-2xl font-bold">
        Your profile
      </h2>
      <dl className="mt-2 divide-y divide-slate-200">
        <Row term="E-mail address">{account.email}</Row>
        <Row term="Role">{ROLE_LABELS[account.role]}</Row>
        <Row term="Member since">{formatDate(account.createdAt)}</Row>
        {profile ? (
          <>
            <Row term="Name">{profile.displayName}</Row>
            <Row term="Stakeholder type">{STAKEHOLDER_TYPE_LABELS[profile.stakeholderType]}</Row>
            {profile.organisationName ? <Row term="Organisation">{profile.organisationName}</Row> : null}
            {profile.organisationSize ? <Row term="Organisation size">{ORGANISATION_SIZE_LABELS[profile.organisationSize]}</Row> : null}
            {profile.transparencyRegisterNumber ? <Row term="Transparency Register number">{profile.transparencyRegisterNumber}</Row> : null}
            <Row term="Country">{countryName(profile.country)}</Row>
            <Row term="Publication">{PUBLICATION_PREFERENCE_LABELS[profile.publicationPreference]}</Row>
          </>
        ) : (
          <Row term="Stakeholder profile">Not filled in yet: complete it below before you contribute.</Row>
        )}
      </dl>
    </section>
  );
}
