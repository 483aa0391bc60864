import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

type Values<S extends z.ZodType> = z.input<S> extends FieldValues ? z.input<S> : never;

/**
 * `zodResolver(schema)` for a form that is on the page from the start, with zod
 * (about 45 kB of compressed script) loaded when the form is first validated —
 * on its first submit, as react-hook-form validates by default — rather than with
 * the page. `load` imports the schema's module, e.g.
 * `() => import("@/lib/validators/capacity").then((m) => m.logEnergyInput)`,
 * and the form's types come from the schema as with zodResolver. The checks and
 * messages are the schema's own, so they are the same as before.
 */
export function lazyZodResolver<S extends z.ZodType>(load: () => Promise<S>): Resolver<Values<S>, unknown, z.output<S>> {
  let resolver: Promise<Resolver<Values<S>, unknown, z.output<S>>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => zodResolver(schema as never) as unknown as Resolver<Values<S>, unknown, z.output<S>>,
    );
    return (await resolver)(values, context, options);
  };
}
