// Runs in the browser before the app's own code (Next.js convention).
import "@/lib/zod-jitless";
