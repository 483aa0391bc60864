"use client";

import dynamic from "next/dynamic";

/**
 * The report's prep, for the prep route when the viewer is the report: its code (and the
 * schedule dialog's) loads only when it is shown, not with every manager's prep page.
 */
export const LazyMyPrepView = dynamic(() => import("./my-prep-view").then((m) => m.MyPrepView));
