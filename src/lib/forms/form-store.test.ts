import { describe, expect, it, vi } from "vitest";
import { FormStore, readElement, type StoreResolver } from "./form-store";

/** A resolver like zodResolver's: "title" must not be empty, the output trims it. */
const resolver: StoreResolver = async (values) => {
  const title = String(values.title ?? "").trim();
  return title
    ? { values: { ...values, title }, errors: {} }
    : { values: {}, errors: { title: { type: "too_small", message: "Enter a title." } } };
};
const input = (value = "", type = "text") => ({ type, value, checked: false, isConnected: true, focus: vi.fn() });

describe("FormStore, react-hook-form's rules for the forms shown from the start", () => {
  it("shows the default in a registered field and keeps what is typed when the same element comes back", () => {
    const store = new FormStore({ title: "Start" }, resolver);
    const el = input();
    const field = store.register("title");
    field.ref(el);
    expect(el.value).toBe("Start");
    el.value = "Typed";
    void field.onChange({ target: el });
    store.register("title").ref(el); // a render gives a new ref callback for the same element
    expect(el.value).toBe("Typed");
    expect(store.getValues()).toEqual({ title: "Typed" });
    expect(store.formState.isDirty).toBe(true);
  });

  it("takes a field with no default from what the element shows", () => {
    const store = new FormStore({});
    store.register("topic").ref(input("general"));
    expect(store.getValues("topic")).toBe("general");
  });

  it("calls register's onChange with the event once the value is stored", () => {
    const store = new FormStore({ value: "" });
    const el = input("12");
    const seen: unknown[] = [];
    store.register("value", { onChange: () => seen.push(store.getValues("value")) }).onChange({ target: el });
    expect(seen).toEqual(["12"]);
  });

  it("checks on submit, focuses the first field in error, and calls onValid only with the resolver's output", async () => {
    const store = new FormStore({ title: "", note: "" }, resolver);
    const note = input();
    const title = input();
    store.register("note").ref(note);
    store.register("title").ref(title);
    const onValid = vi.fn();
    await store.handleSubmit(onValid)({ preventDefault: () => {} });
    expect(onValid).not.toHaveBeenCalled();
    expect(store.formState.errors).toEqual({ title: { type: "too_small", message: "Enter a title." } });
    expect(title.focus).toHaveBeenCalled();
    expect(note.focus).not.toHaveBeenCalled();
    expect(store.formState.isSubmitted).toBe(true);
    expect(store.formState.isSubmitSuccessful).toBe(false);

    store.setValue("title", "  Ship it ");
    await store.handleSubmit(onValid)();
    expect(onValid).toHaveBeenCalledWith({ title: "Ship it", note: "" }, undefined);
    expect(store.formState.errors).toEqual({});
    expect(store.formState.isSubmitSuccessful).toBe(true);
  });

  it("checks again on each change once submitted, not before", async () => {
    const store = new FormStore({ title: "" }, resolver);
    const el = input();
    const field = store.register("title");
    field.ref(el);
    await field.onChange({ target: el });
    expect(store.formState.errors).toEqual({});
    await store.handleSubmit(vi.fn())();
    expect(store.formState.errors.title).toBeDefined();
    el.value = "Now valid";
    await field.onChange({ target: el });
    expect(store.formState.errors).toEqual({});
  });

  it("is submitting while onValid runs, and a server error set meanwhile stays and marks the submit unsuccessful", async () => {
    const store = new FormStore({ title: "Ok" }, resolver);
    const el = input();
    store.register("title").ref(el);
    let during = false;
    await store.handleSubmit(async () => {
      during = store.formState.isSubmitting;
      store.setError("title", { message: "Taken." }, { shouldFocus: true });
    })();
    expect(during).toBe(true);
    expect(store.formState.isSubmitting).toBe(false);
    expect(store.formState.errors).toEqual({ title: { message: "Taken." } });
    expect(store.formState.isSubmitSuccessful).toBe(false);
    expect(el.focus).toHaveBeenCalled();
  });

  it("resetField and reset put the starting values back in the fields, and watchers hear of every change", () => {
    const store = new FormStore({ title: "", done: false });
    const title = input();
    const done = input("on", "checkbox");
    store.register("title").ref(title);
    store.register("done").ref(done);
    const seen: unknown[] = [];
    const unsubscribe = store.subscribe((values) => seen.push(values));
    store.setValue("title", "Draft", { shouldDirty: true });
    expect(title.value).toBe("Draft");
    store.resetField("title");
    expect(title.value).toBe("");
    expect(store.formState.isDirty).toBe(false);
    store.reset({ title: "Saved", done: true });
    expect([title.value, done.checked]).toEqual(["Saved", true]);
    expect(store.formState.defaultValues).toEqual({ title: "Saved", done: true });
    expect(store.formState.isSubmitted).toBe(false);
    unsubscribe();
    store.setValue("title", "x");
    expect(seen).toEqual([
      { title: "Draft", done: false },
      { title: "", done: false },
      { title: "Saved", done: true },
    ]);
  });

  it("reads a field as react-hook-form does: a checkbox's tick, setValueAs, valueAsNumber", () => {
    expect(readElement({ type: "checkbox", value: "on", checked: true }, {})).toBe(true);
    expect(readElement({ type: "text", value: "" }, { setValueAs: (v) => v || null })).toBeNull();
    expect(readElement({ type: "number", value: "2.5" }, { valueAsNumber: true })).toBe(2.5);
    expect(readElement({ type: "number", value: "" }, { valueAsNumber: true })).toBeNaN();
  });
});
