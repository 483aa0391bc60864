"use client";

import dynamic from "next/dynamic";
import { FormLoading } from "@/components/forms/form-loading";

// The target and metric forms (with react-hook-form) are only ever in dialogs: they load
// when a dialog first opens, not with the targets list or the target page.
export const TargetForm = dynamic(() => import("./target-form").then((m) => m.TargetForm), { loading: FormLoading });
export const MetricForm = dynamic(() => import("./metric-form").then((m) => m.MetricForm), { loading: FormLoading });
