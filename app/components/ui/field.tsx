import { useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode } from "react";

/**
 * A labelled form field with its hint and error below it, tied together for screen readers.
 * Big enough to hit with a thumb; 16 px text so phones do not zoom in.
 */
type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name"> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

export const inputClass =
  "min-h-11 w-full rounded-lg border border-line bg-white px-3 text-base aria-[invalid=true]:border-red-700";

export function Field({ name, label, hint, error, id, className, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const described = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={className}>
      <label htmlFor={inputId} className="mb-1 block font-medium">
        {label}
      </label>
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        className={inputClass}
        {...input}
      />
      {hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? <FieldError id={`${inputId}-error`}>{error}</FieldError> : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {children}
    </p>
  );
}

/** The message about a form as a whole, read out as soon as it appears. */
export function FormMessage({
  tone = "error",
  children,
}: {
  tone?: "error" | "success";
  children: ReactNode;
}) {
  const style =
    tone === "error"
      ? "border-red-700 bg-red-50 text-red-800"
      : "border-emerald-700 bg-emerald-50 text-emerald-900";
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border-l-4 p-3 ${style}`}
    >
      {children}
    </div>
  );
}

/** A submit button that says it is working while its form is being sent. */
export function SubmitButton({
  children,
  pendingText,
  name,
  value,
  className = "",
  tone = "primary",
}: {
  children: ReactNode;
  pendingText: ReactNode;
  name?: string;
  value?: string;
  className?: string;
  tone?: "primary" | "secondary" | "danger";
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    (name === undefined || navigation.formData?.get(name) === value);
  const tones = {
    primary: "bg-ink text-paper hover:bg-copper-700",
    secondary: "border border-ink bg-white text-ink hover:border-copper-700 hover:text-copper-700",
    danger: "bg-red-800 text-white hover:bg-red-900",
  };
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      className={`min-h-11 rounded-full px-5 font-medium disabled:opacity-70 ${tones[tone]} ${className}`}
    >
      {pending ? pendingText : children}
    </button>
  );
}
