import type { Metadata } from "next";
import Link from "next/link";
import { CalendarClock, Gauge, Layers, Target, Users } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireSession } from "@/server/auth/require-session";
import { greeting } from "@/lib/greeting";
import { HomeEnergy } from "@/components/capacity/home-energy";
import { DueBadge } from "@/components/one-on-ones/due-badge";
import { serverCaller } from "@/trpc/server";

export const metadata: Metadata = { title: "Home" };

const JOBS = [
  {
    href: "/people",
    icon: Users,
    title: "Your people",
    body: "The managers and staff engineers who report to you, on two tracks, and the areas they lead in pairs.",
  },
  {
    href: "/targets",
    icon: Target,
    title: "Shared targets",
    body: "Keep control of what to hit (uptime, P99 latency, a feature) and let the EM + staff pair choose how.",
  },
  {
    href: "/delegation",
    icon: Layers,
    title: "Delegation",
    body: "A level per task on a control spectrum, suggested by competency and criticality.",
  },
  {
    href: "/one-on-ones",
    icon: CalendarClock,
    title: "1:1s",
    body: "One page that says what changed since the last 1:1: targets, delegation, open actions.",
  },
  {
    href: "/capacity",
    icon: Gauge,
    title: "Your capacity",
    body: "Plan below full capacity, keep a buffer, and log your energy to see what drains and restores it.",
  },
];

/** 1:1s overdue or due soon, until Home gets its full week at a glance. */
async function OneOnOnesDue() {
  const caller = await serverCaller();
  const { people, today } = await caller.oneOnOnes.overview();
  const due = people.filter((p) => p.due.state === "overdue" || p.due.state === "due").slice(0, 8);
  if (people.length === 0) return <div />;
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>1:1s to book or hold</CardTitle>
      </CardHeader>
      <CardBody>
        {due.length === 0 ? (
          <p className="text-sm text-muted">Every 1:1 is booked or not due yet.</p>
        ) : (
          <ul className="grid gap-1 text-sm">
            {due.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center gap-2">
                <Link href={`/one-on-ones/${p.id}`} className="font-medium hover:underline">{p.name}</Link>
                <DueBadge due={p.due} today={today} />
                <Link href={`/one-on-ones/${p.id}/prep`} className="ml-auto text-accent hover:underline">Prep</Link>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

export default async function HomePage() {
  const { user } = await requireSession();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <PageHeader
        title={`${greeting(new Date(), user.timeZone)}, ${firstName}`}
        description="The 1:1s to book or hold, and your energy today. Below, the parts of Intersect."
      />
      <div className="grid items-start gap-x-6 xl:grid-cols-2">
        <OneOnOnesDue />
        <HomeEnergy />
      </div>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {JOBS.map(({ href, icon: Icon, title, body }) => (
          <li key={href}>
            <Link href={href} className="group block h-full rounded-lg focus-visible:outline-2">
              <Card className="h-full transition-colors group-hover:border-accent/50">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">
                    <Icon aria-hidden="true" className="size-4 text-accent" />
                    {title}
                  </CardTitle>
                </CardHeader>
                <CardBody>
                  <CardDescription>{body}</CardDescription>
                </CardBody>
              </Card>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
