import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/form/text-field";
import { slugify } from "@/lib/vocabulary/admin-fields";

type Registered = { field: UseFormRegisterReturn; error?: string };

/** A record's title and the slug its public address is made of. */
export function TitleSlugFields({
  idPrefix,
  publicPath,
  title,
  slug,
}: {
  idPrefix: string;
  /** "/conferences": the slug's hint shows the address it makes. */
  publicPath: string;
  title: Registered;
  slug: Registered;
}) {
  return (
    <>
      <TextField id={`${idPrefix}-title`} label="Title" type="text" error={title.error} required {...title.field} />
      <TextField
        id={`${idPrefix}-slug`}
        label="Slug"
        hint={`The address: ${publicPath}/<slug>. Lower-case letters a–z, digits and hyphens.`}
        type="text"
        error={slug.error}
        required
        {...slug.field}
      />
    </>
  );
}

/**
 * The title's change handler for a new record: its slug follows the title
 * until the slug is edited by hand.
 */
export function slugFollowingTitle(slugEdited: () => boolean, setSlug: (slug: string) => void) {
  return (event: { target: { value: string } }) => {
    if (!slugEdited()) setSlug(slugify(event.target.value));
  };
}
