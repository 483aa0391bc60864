"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "./button";
import { downloadText } from "./download";

/** Fetches a CSV from the server and saves it as `<name>-<today>.csv`. */
export function ExportCsvButton({ name, label = "Export CSV", load }: { name: string; label?: string; load: () => Promise<string> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="secondary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          downloadText(`${name}-${new Date().toISOString().slice(0, 10)}.csv`, await load());
        } catch (error) {
          toast.error((error as Error).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Download aria-hidden="true" /> {busy ? "Exporting…" : label}
    </Button>
  );
}
