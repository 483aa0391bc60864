import { initials } from "@/lib/initials";

/** What the account menu's button shows: initials, name, and the organisation (when there are several) or the email. */
export function UserMenuFace({ name, email, organisation }: { name: string; email: string; organisation: string | null }) {
  return (
    <>
      <span className="sr-only">Account menu:</span>
      <span
        aria-hidden="true"
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent"
      >
        {initials(name)}
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium" title={name}>
          {name}
        </span>
        <span className="block truncate text-xs text-muted" title={organisation ?? email}>
          {organisation ?? email}
        </span>
      </span>
    </>
  );
}

export const USER_MENU_TRIGGER_CLASS = "flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2";
