"use client";

import { useState, useSyncExternalStore } from "react";
import type { FieldValues, UseFormProps, UseFormReturn, useWatch as useRhfWatch } from "react-hook-form";
import { FormStore, type StoreResolver } from "@/lib/forms/form-store";

/**
 * react-hook-form's `useForm` and `useWatch` for a form that is on the page from the start,
 * without loading react-hook-form (about 15 kB of compressed script): the same options
 * (`resolver`, `defaultValues`, `context`) and the part of the returned object such forms
 * use (`register`, `handleSubmit`, `formState`, `setValue`, `getValues`, `watch`, `setError`,
 * `clearErrors`, `setFocus`, `resetField`, `reset`, `control`), typed as react-hook-form's so
 * `useSubmit`, `useFormDraft` and `applyServerErrors` take it unchanged. The rules are in
 * `src/lib/forms/form-store.ts`. A form that needs more of the API (field arrays, controllers)
 * keeps react-hook-form; those are in dialogs, loaded on first open.
 */
export function useForm<T extends FieldValues, C = unknown, O = T>(props: UseFormProps<T, C, O> = {}): UseFormReturn<T, C, O> {
  const [store] = useState(
    () =>
      new FormStore(
        (props.defaultValues ?? {}) as Record<string, unknown>,
        props.resolver as unknown as StoreResolver | undefined,
        props.context,
      ),
  );
  // Every change renders the form again (react-hook-form renders for what was read; these forms are small).
  useStoreVersion(store);
  // One object for the form's life, as react-hook-form's is (effects list it in their dependencies).
  const [api] = useState(() => formApi(store));
  return api as unknown as UseFormReturn<T, C, O>;
}

function formApi(store: FormStore) {
  return {
    get formState() {
      return store.formState;
    },
    control: store,
    register: store.register.bind(store),
    handleSubmit: store.handleSubmit.bind(store),
    setValue: store.setValue.bind(store),
    getValues: store.getValues.bind(store),
    setError: store.setError.bind(store),
    clearErrors: store.clearErrors.bind(store),
    setFocus: store.setFocus.bind(store),
    resetField: store.resetField.bind(store),
    reset: store.reset.bind(store),
    // watch(callback) subscribes (the drafts); watch(names) reads, and the form renders on every change anyway.
    watch: (arg?: unknown) => {
      if (typeof arg === "function") {
        const unsubscribe = store.subscribe(arg as Parameters<FormStore["subscribe"]>[0]);
        return { unsubscribe };
      }
      return arg === undefined ? store.getValues() : store.getValues(arg as never);
    },
  };
}

/** react-hook-form's `useWatch({ control, name })` (one name or a list) for a `control` from this `useForm`. */
function useLightWatch({ control, name }: { control: unknown; name: string | readonly string[] }) {
  const store = control as FormStore;
  useStoreVersion(store);
  return typeof name === "string" ? store.getValues(name) : store.getValues([...name]);
}
export const useWatch = useLightWatch as unknown as typeof useRhfWatch;

/** Renders the caller again on each change of the store. */
function useStoreVersion(store: FormStore) {
  const [subscribe] = useState(() => (onChange: () => void) => store.subscribe(onChange));
  useSyncExternalStore(
    subscribe,
    () => store.version,
    () => store.version,
  );
}
