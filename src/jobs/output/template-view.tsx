import type { OutputShape, TemplateField } from '../../lib/json/output-shape.ts';
import { OutputNotes } from './output-notes.tsx';
import { OutputSummary } from './output-summary.tsx';

type TemplateViewProps = { shape: Extract<OutputShape, { kind: 'template' }> };

/** A generated template as what it asks for: each field's name and type, nested fields beneath. */
export function TemplateView({ shape }: TemplateViewProps) {
  return (
    <div>
      <OutputSummary facts={shape.facts} />
      <OutputNotes facts={shape.facts} />
      <Fields fields={shape.fields} label="Template fields" />
    </div>
  );
}

type FieldsProps = { fields: TemplateField[]; label?: string };

function Fields({ fields, label }: FieldsProps) {
  return (
    <ul aria-label={label} className={label ? 'text-sm' : 'ml-2 border-l border-line pl-2'}>
      {fields.map((field, i) => (
        <li key={`${i}-${field.name}`} className="py-0.5">
          <span className="font-mono break-all text-code-key">{field.name}</span>
          <span className="text-muted">: {field.type}</span>
          {field.children && <Fields fields={field.children} />}
        </li>
      ))}
    </ul>
  );
}
