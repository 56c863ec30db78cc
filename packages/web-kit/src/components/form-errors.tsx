import { Alert, App, type FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../client.ts';

/** `servedCompoundIds.0` → `servedCompoundIds`: item errors of a list belong to the list's field. */
function fieldName(field: string): string {
  return field.split('.')[0] ?? field;
}

/** The `{ field, reason }` entries of an error's details (a list for 400, one object for a 409 conflict). */
function fieldDetails(e: ApiError): { field: string; reason: string }[] {
  const details = Array.isArray(e.details) ? e.details : e.details && typeof e.details === 'object' ? [e.details] : [];
  return (details as Record<string, unknown>[])
    .filter((d) => typeof d.field === 'string')
    .map((d) => ({ field: String(d.field), reason: String(d.reason ?? e.message) }));
}

/**
 * Submits a form to the API: `details: [{ field, reason }]` land on the form's fields (unknown fields and
 * everything else in an alert above the form, from `<FormError error={…} />`).
 */
export function useApiForm(form: FormInstance, knownFields: string[]) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      setSaving(true);
      try {
        return await action();
      } catch (e) {
        if (e instanceof ApiError) {
          const details = fieldDetails(e);
          const onFields = details.filter((d) => knownFields.includes(fieldName(d.field)));
          const elsewhere = details.filter((d) => !knownFields.includes(fieldName(d.field)));
          if (onFields.length) {
            const byField = new Map<string, string[]>();
            for (const d of onFields) byField.set(fieldName(d.field), [...(byField.get(fieldName(d.field)) ?? []), d.reason]);
            form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
          }
          if (!onFields.length || elsewhere.length) {
            setError(elsewhere.length ? elsewhere.map((d) => `${d.field}: ${d.reason}`).join('; ') : e.message);
          }
        } else {
          message.error(e instanceof Error ? e.message : String(e));
        }
        return undefined;
      } finally {
        setSaving(false);
      }
    },
    [form, knownFields, message],
  );

  const clearError = useCallback(() => setError(null), []);
  return { run, error, saving, clearError };
}

export function FormError({ error }: { error: string | null }) {
  if (!error) return null;
  return <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="form-error" />;
}
