"use client";

import { FileUp } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { FormLoading } from "@/components/forms/form-loading";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

const ImportOpenSloForm = dynamic(() => import("./import-openslo-form").then((m) => m.ImportOpenSloForm), { loading: FormLoading });

/**
 * Imports an OpenSLO v1 file (pasted or picked) as a new reliability target,
 * placed like a new target (area, owners, dates). The server's problems come
 * back one per line ("line 14, column 9, spec.…: …") under the file.
 */
export function ImportOpenSloDialog() {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary">
          <FileUp aria-hidden="true" /> Import OpenSLO
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Import OpenSLO"
        description="An OpenSLO v1 SLO over Prometheus queries becomes a reliability target: its objective is the goal of one availability or latency metric."
      >
        {open ? <ImportOpenSloForm onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
