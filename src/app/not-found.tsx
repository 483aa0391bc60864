import { Link } from "@/components/ui/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="text-sm font-medium text-accent">404</p>
      <h1 className="text-xl font-semibold">This page does not exist</h1>
      <p className="text-sm text-muted">It may have been deleted, or the link is wrong.</p>
      <Link href="/" className="text-sm font-medium text-accent underline-offset-4 hover:underline">
        Go to Home
      </Link>
    </main>
  );
}
