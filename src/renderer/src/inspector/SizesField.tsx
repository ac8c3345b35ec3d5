/**
 * A list of sizes typed as text ('4, 4, 240'; −1 for 'whatever is left'): it commits whenever the text is a
 * list of whole numbers, so the layer shows at once whether they fit; on blur it shows the stored list again.
 */
import { useState } from 'react';

export interface SizesFieldProps {
  label: string;
  value: readonly number[];
  onCommit: (value: number[]) => void;
  testId?: string;
}

/** '4, 4, 240' or '4 × 4 × 240' → [4, 4, 240]; null where it is not a list of whole numbers. */
export function parseSizes(text: string): number[] | null {
  const parts = text
    .split(/[,×x*\s]+/)
    .map((p) => p.trim().replace(/^−/, '-'))
    .filter((p) => p !== '');
  if (parts.length === 0 || !parts.every((p) => /^-?\d+$/.test(p))) return null;
  return parts.map(Number);
}

export function SizesField({ label, value, onCommit, testId }: SizesFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="text"
      aria-label={label}
      value={draft ?? value.join(', ')}
      data-testid={testId}
      onChange={(e) => {
        setDraft(e.target.value);
        const parsed = parseSizes(e.target.value);
        if (parsed) onCommit(parsed);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}
