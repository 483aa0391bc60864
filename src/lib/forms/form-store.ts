/**
 * The part of react-hook-form that the forms shown from a page's start use, without
 * the library (about 15 kB of compressed script on every page that has such a form):
 * registered uncontrolled fields, values set from code, a resolver run on submit and
 * again on each change once submitted (react-hook-form's default modes, `onSubmit` then
 * `onChange`), the first field in error focused, server errors set by name, reset, and
 * subscriptions for `watch`. `src/components/forms/light-form.ts` is the React hook
 * around it, with react-hook-form's API; forms in dialogs keep react-hook-form itself.
 *
 * No DOM here beyond what a field element is asked for, so the rules are unit-tested.
 */

/** What the store needs from an <input>, <select> or <textarea>. */
export type FieldElement = {
  type?: string;
  value: string;
  checked?: boolean;
  valueAsNumber?: number;
  isConnected?: boolean;
  focus?: () => void;
  select?: () => void;
};

export type FieldError = { type?: string; message?: string };
type Errors = Record<string, unknown>;
export type RegisterOptions = {
  setValueAs?: (value: unknown) => unknown;
  valueAsNumber?: boolean;
  /** Called with the change event once the value is stored, before any check. */
  onChange?: (event: { target: FieldElement }) => unknown;
};
/** A react-hook-form resolver: the values (and options) in, the output values or the errors out. */
export type StoreResolver = (
  values: Record<string, unknown>,
  context: unknown,
  options: { names: string[]; fields: Record<string, unknown>; criteriaMode?: "firstError"; shouldUseNativeValidation: boolean },
) => Promise<{ values: unknown; errors: Errors }>;

export type FormState = {
  errors: Errors;
  isSubmitting: boolean;
  isSubmitted: boolean;
  isSubmitSuccessful: boolean;
  submitCount: number;
  isDirty: boolean;
  defaultValues: Record<string, unknown>;
};

type Field = { element: FieldElement | null; options: RegisterOptions };
type Listener = (values: Record<string, unknown>, info: { name?: string; type?: string }) => void;

const clone = (values: Record<string, unknown>) => ({ ...values });
const isEmptyErrors = (errors: Errors) => Object.keys(errors).length === 0;

export class FormStore {
  private values: Record<string, unknown>;
  private defaults: Record<string, unknown>;
  private errors: Errors = {};
  private fields = new Map<string, Field>();
  private listeners = new Set<Listener>();
  private submitting = false;
  private submitCount = 0;
  private submitSuccessful = false;
  private dirty = new Set<string>();
  /** Bumped on every change: what a hook compares to know it should render again. */
  version = 0;

  constructor(
    defaultValues: Record<string, unknown>,
    private readonly resolver?: StoreResolver,
    private readonly context?: unknown,
  ) {
    this.defaults = clone(defaultValues);
    this.values = clone(defaultValues);
  }

  get formState(): FormState {
    return {
      errors: this.errors,
      isSubmitting: this.submitting,
      isSubmitted: this.submitCount > 0,
      isSubmitSuccessful: this.submitSuccessful,
      submitCount: this.submitCount,
      isDirty: this.dirty.size > 0,
      defaultValues: this.defaults,
    };
  }

  /** Every change: the host renders again, `watch` callbacks hear of it. */
  subscribe(listener: Listener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  private changed(info: { name?: string; type?: string } = {}) {
    this.version++;
    const values = clone(this.values);
    for (const listener of [...this.listeners]) listener(values, info);
  }

  getValues(): Record<string, unknown>;
  getValues(name: string): unknown;
  getValues(names: string[]): unknown[];
  getValues(name?: string | string[]) {
    if (name === undefined) return clone(this.values);
    if (Array.isArray(name)) return name.map((n) => this.values[n]);
    return this.values[name];
  }

  /** `register(name)`: the props that bind an uncontrolled field to the store. */
  register(name: string, options: RegisterOptions = {}) {
    const field = this.fields.get(name) ?? { element: null, options };
    field.options = options;
    this.fields.set(name, field);
    return {
      name,
      // A new callback every render: the same element again is left alone (what is typed stays);
      // null (unmount) keeps the value, which a field mounted again shows, as react-hook-form does.
      ref: (element: FieldElement | null) => {
        if (!element || element === field.element) return;
        field.element = element;
        // A field with no default starts from what it shows (a select's first option), as in react-hook-form.
        if (this.values[name] === undefined) this.values[name] = readElement(element, field.options);
        else writeElement(element, this.values[name]);
      },
      onChange: async (event: { target: FieldElement }) => {
        this.values[name] = readElement(event.target, field.options);
        this.markDirty(name);
        field.options.onChange?.(event);
        await this.afterChange(name, "change");
      },
      onBlur: async () => {},
    };
  }

  setValue(name: string, value: unknown, options: { shouldDirty?: boolean; shouldValidate?: boolean } = {}) {
    this.values[name] = value;
    const element = this.fields.get(name)?.element;
    if (element) writeElement(element, value);
    if (options.shouldDirty) this.markDirty(name);
    if (options.shouldValidate) return this.afterChange(name, undefined, true);
    this.changed({ name });
  }

  private markDirty(name: string) {
    if (this.values[name] === this.defaults[name]) this.dirty.delete(name);
    else this.dirty.add(name);
  }

  /** Once submitted, a change checks the form again and updates that field's message. */
  private async afterChange(name: string, type?: string, validate = false) {
    this.changed({ name, type });
    if (!this.resolver || (!validate && this.submitCount === 0)) return;
    const { errors } = await this.resolve();
    const next = { ...this.errors };
    if (errors[name]) next[name] = errors[name];
    else delete next[name];
    this.errors = next;
    this.changed({ name });
  }

  private resolve() {
    if (!this.resolver) return Promise.resolve({ values: clone(this.values), errors: {} as Errors });
    return this.resolver(clone(this.values), this.context, {
      names: [...this.fields.keys()],
      fields: {},
      criteriaMode: "firstError",
      shouldUseNativeValidation: false,
    });
  }

  /** `handleSubmit(onValid)`: checks every value; the first registered field in error gets the focus. */
  handleSubmit(onValid: (values: never, event?: unknown) => unknown, onInvalid?: (errors: Errors, event?: unknown) => unknown) {
    return async (event?: { preventDefault?: () => void; persist?: () => void }) => {
      event?.preventDefault?.();
      this.submitting = true;
      this.changed();
      let thrown: unknown = null;
      let valid = false;
      try {
        const { values, errors } = await this.resolve();
        this.errors = errors ?? {};
        valid = isEmptyErrors(this.errors);
        if (valid) await onValid(values as never, event);
        else {
          await onInvalid?.(this.errors, event);
          this.focusFirstError();
        }
      } catch (error) {
        thrown = error;
      }
      this.submitting = false;
      this.submitCount++;
      this.submitSuccessful = valid && thrown === null && isEmptyErrors(this.errors);
      this.changed();
      if (thrown !== null) throw thrown;
    };
  }

  private focusFirstError() {
    for (const [name, field] of this.fields) {
      if (this.errors[name] && field.element?.focus && field.element.isConnected !== false) {
        field.element.focus();
        return;
      }
    }
  }

  setError(name: string, error: FieldError, options: { shouldFocus?: boolean } = {}) {
    this.errors = { ...this.errors, [name]: error };
    this.submitSuccessful = false;
    if (options.shouldFocus) this.setFocus(name);
    this.changed({ name });
  }

  clearErrors(name?: string) {
    if (name === undefined) this.errors = {};
    else {
      const next = { ...this.errors };
      delete next[name];
      this.errors = next;
    }
    this.changed({ name });
  }

  setFocus(name: string) {
    const element = this.fields.get(name)?.element;
    element?.focus?.();
  }

  /** The field's starting value back, its message and dirtiness gone. */
  resetField(name: string) {
    const next = { ...this.errors };
    delete next[name];
    this.errors = next;
    this.dirty.delete(name);
    this.setValue(name, this.defaults[name]);
  }

  /** All values back to the defaults (or to `values`, which become the defaults), as a form not yet submitted. */
  reset(values?: Record<string, unknown>) {
    if (values) this.defaults = clone(values);
    this.values = clone(this.defaults);
    this.errors = {};
    this.dirty.clear();
    this.submitCount = 0;
    this.submitSuccessful = false;
    for (const [name, field] of this.fields) if (field.element) writeElement(field.element, this.values[name]);
    this.changed();
  }
}

/** What a change event's element holds, as react-hook-form reads it: a checkbox's tick, a number, or the text. */
export function readElement(element: FieldElement, options: RegisterOptions): unknown {
  if (element.type === "checkbox") return Boolean(element.checked);
  if (options.valueAsNumber) return element.value === "" ? NaN : Number(element.value);
  return options.setValueAs ? options.setValueAs(element.value) : element.value;
}

/** Shows a stored value in its field (null and undefined as empty). */
export function writeElement(element: FieldElement, value: unknown) {
  if (element.type === "checkbox") element.checked = Boolean(value);
  else if (element.type === "radio") element.checked = element.value === String(value);
  else element.value = value === null || value === undefined ? "" : String(value);
}
