/**
 * A number box that lets people type freely: it commits whenever the text is a number (out-of-range
 * values too, so the layer shows why they do not work); on blur it shows the stored value again.
 */
import { useId, useState } from 'react';

export interface NumberFieldProps {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  min?: number;
  max?: number;
  step?: number;
  testId?: string;
  /** The label is read out but not shown (the setting's title already says it). */
  hideLabel?: boolean;
}

export function NumberField({
  label,
  value,
  onCommit,
  min,
  max,
  step = 1,
  testId,
  hideLabel = false,
}: NumberFieldProps) {
  const id = useId();
  // What is being typed; null when the field shows the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <label className="number-field" htmlFor={id}>
      <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft ?? String(value)}
        min={min}
        max={max}
        step={step}
        data-testid={testId}
        onChange={(e) => {
          setDraft(e.target.value);
          const parsed = e.target.value.trim() === '' ? NaN : Number(e.target.value);
          if (Number.isFinite(parsed)) onCommit(parsed);
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
