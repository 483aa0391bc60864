"use client";

import { formatDay } from "@/lib/format";
import { zodResolver } from "@hookform/resolvers/zod";
import { Copy, UserPlus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { inviteInput, type InviteInput } from "@/lib/validators/members";
import { useInvite } from "./mutations";

type Created = { link: string; email: string; emailed: boolean; warning?: string; expiresAt: Date };

/** The invitation's link, shown once (only its hash is kept), with a copy button. */
export function InvitationLink({ created }: { created: Created }) {
  return (
    <Alert tone={created.warning ? "danger" : "success"} className="grid gap-2">
      <p>
        {created.emailed
          ? `Emailed to ${created.email}. You can also copy the link:`
          : (created.warning ?? `Send this link to ${created.email}; it is shown only now.`)}
      </p>
      <div className="flex items-center gap-2">
        <code className="min-w-0 flex-1 break-all rounded bg-surface px-2 py-1 text-xs" data-testid="invitation-link">
          {created.link}
        </code>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(created.link);
            toast.success("Copied.");
          }}
        >
          <Copy aria-hidden="true" /> Copy
        </Button>
      </div>
      <p className="text-xs text-muted">
        It works once, for {created.email}, until {formatDay(created.expiresAt.toISOString().slice(0, 10))}.
      </p>
    </Alert>
  );
}

/**
 * Invites a person: the email (the person's own by default), the role (admins
 * only may invite an admin). After it is made, the dialog shows the link to copy
 * and whether it was emailed.
 */
export function InviteDialog({
  personId,
  personName,
  defaultEmail,
  canInviteAdmin,
  label = "Invite",
  variant = "secondary",
}: {
  personId: string;
  personName: string;
  defaultEmail?: string | null;
  canInviteAdmin: boolean;
  label?: string;
  variant?: "primary" | "secondary" | "ghost";
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useForm<InviteInput>({
    resolver: zodResolver(inviteInput),
    defaultValues: { personId, email: defaultEmail ?? "", role: "member" },
  });
  const invite = useInvite();
  const { submit, formError } = useSubmit(form, async (values) => {
    setCreated(await invite.mutateAsync(values));
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setCreated(null);
          form.reset({ personId, email: defaultEmail ?? "", role: "member" });
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant={variant} size={variant === "ghost" ? "sm" : "md"}>
          <UserPlus aria-hidden="true" /> {label}
        </Button>
      </DialogTrigger>
      <DialogContent title={`Invite ${personName}`} description="They sign in to Intersect as this person of the chart.">
        {created ? (
          <div className="grid gap-4">
            <InvitationLink created={created} />
            <div className="flex justify-end">
              <Button onClick={() => setOpen(false)}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="grid gap-4">
            {formError ? <Alert tone="danger">{formError}</Alert> : null}
            <Field label="Email" error={errors.email?.message} hint="The invitation works for this address only.">
              {(a) => <Input {...a} type="email" autoComplete="off" {...form.register("email")} />}
            </Field>
            {canInviteAdmin ? (
              <Field label="Role" error={errors.role?.message} hint="Admins manage members, invitations and organisation settings.">
                {(a) => (
                  <Select {...a} {...form.register("role")}>
                    <option value="member">Member</option>
                    <option value="admin">Admin</option>
                  </Select>
                )}
              </Field>
            ) : null}
            <div data-dialog-footer className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" disabled={isSubmitting}>
                {isSubmitting ? "Inviting…" : "Create invitation"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
