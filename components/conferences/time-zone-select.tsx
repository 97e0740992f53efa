import type { ComponentPropsWithRef } from "react";
import { controlClass } from "@/components/ui/form/field";

type Props = Omit<ComponentPropsWithRef<"select">, "children"> & { timeZones: string[] };

/** The IANA time zones the server knows, by name ("Europe/Brussels"), with readable spaces. */
export function TimeZoneSelect({ timeZones, className = controlClass, ...select }: Props) {
  return (
    <select className={className} {...select}>
      {timeZones.map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      ))}
    </select>
  );
}
