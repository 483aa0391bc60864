"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { useSubmit } from "@/components/forms/use-submit";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createApiTokenInput, TOKEN_LIFETIME_DAYS } from "@/lib/validators/api-tokens";
import { useTRPC } from "@/trpc/react";
import { useCreateApiToken, useRevokeApiToken } from "./mutations";
import { useFormatDateTime } from "@/components/ui/today";

/** The lifetime picker's value: a number of days, or "never" (null). */
const lifetimeOf = (v: unknown) => (v === "never" || v === null ? null : Number(v));

/** "Expires 3 Mar 2027", "Expired 1 Dec 2026" or "never expires". */
function expiry(expiresAt: Date | null, now: Date, formatDateTime: (d: Date) => string): string {
  if (!expiresAt) return "never expires";
  return `${expiresAt.getTime() <= now.getTime() ? "expired" : "expires"} ${formatDateTime(expiresAt)}`;
}

/** Personal API tokens: made with a name and a lifetime, shown once, revocable. */
export function ApiTokens({ requestsPerMinute }: { requestsPerMinute: number }) {
  const formatDateTime = useFormatDateTime();
  const trpc = useTRPC();
  const [shown, setShown] = useState<{ name: string; token: string } | null>(null);
  const { data: tokens = [], dataUpdatedAt } = useQuery(trpc.apiTokens.list.queryOptions());
  // "Now" as of the list's last fetch: stable across renders (and the same on server and client).
  const now = new Date(dataUpdatedAt);
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const form = useForm({ resolver: zodResolver(createApiTokenInput), defaultValues: { name: "", expiresInDays: 90 } });
  const { errors, isSubmitting } = form.formState;
  const { submit, formError } = useSubmit(form, async (values) => {
    const row = await create.mutateAsync(values);
    setShown({ name: row.name, token: row.token });
    // The lifetime stays as chosen, for the next token.
    form.resetField("name");
  });

  return (
    <div className="grid gap-4">
      <p className="text-sm text-muted">
        Monitoring or CI can push metric values with{" "}
        <code className="rounded bg-surface-2 px-1 text-xs">POST /api/v1/metrics/&lt;metric id&gt;/check-ins</code> and{" "}
        <code className="rounded bg-surface-2 px-1 text-xs">Authorization: Bearer &lt;token&gt;</code>. Each metric&apos;s id is shown on
        its card on the target page.
      </p>
      {shown ? (
        <Alert tone="success">
          <p className="font-medium">Token “{shown.name}” created. Copy it now: it is not shown again.</p>
          <div className="mt-2 flex items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-surface px-2 py-1 text-xs" data-testid="new-token">
              {shown.token}
            </code>
            <Button
              variant="secondary"
              size="sm"
              onClick={async () => {
                await navigator.clipboard?.writeText(shown.token);
                toast.success("Copied.");
              }}
            >
              <Copy aria-hidden="true" /> Copy
            </Button>
          </div>
        </Alert>
      ) : null}
      {formError ? <Alert tone="danger">{formError}</Alert> : null}
      <form className="flex flex-wrap items-end gap-2" noValidate onSubmit={submit}>
        <Field label="Token name" error={errors.name?.message} className="min-w-56 flex-1">
          {(a) => <Input {...a} placeholder="e.g. Prometheus exporter" {...form.register("name")} />}
        </Field>
        <Field label="Expires" error={errors.expiresInDays?.message} className="w-40">
          {(a) => (
            <Select {...a} {...form.register("expiresInDays", { setValueAs: lifetimeOf })}>
              {TOKEN_LIFETIME_DAYS.map((d) => (
                <option key={d} value={d}>
                  in {d} days
                </option>
              ))}
              <option value="never">never</option>
            </Select>
          )}
        </Field>
        <Button type="submit" disabled={isSubmitting}>
          <KeyRound aria-hidden="true" /> Create token
        </Button>
      </form>
      <p className="text-xs text-muted">
        Each token may make {requestsPerMinute} requests a minute; past that the API answers 429 with Retry-After.
      </p>
      {tokens.length ? (
        <ul className="divide-y divide-border rounded-md border border-border text-sm">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                <span className="font-medium">{t.name}</span> <code className="text-xs text-muted">{t.prefix}…</code>
                <span className="block text-xs text-muted">
                  Created {formatDateTime(t.createdAt)} · {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"} ·{" "}
                  {expiry(t.expiresAt, now, formatDateTime)}
                </span>
              </span>
              {t.revokedAt ? (
                <Badge>Revoked</Badge>
              ) : t.expiresAt && t.expiresAt.getTime() <= now.getTime() ? (
                <Badge>Expired</Badge>
              ) : (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm">
                      Revoke
                    </Button>
                  }
                  title={`Revoke “${t.name}”?`}
                  description="Anything using it stops working at once."
                  confirmLabel="Revoke token"
                  pending={revoke.isPending}
                  onConfirm={() => revoke.mutate({ id: t.id })}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
