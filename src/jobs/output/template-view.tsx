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
    <ul
      aria-label={label}
      className={label ? 'text-sm' : 'ml-2 border-l border-slate-200 pl-2 dark:border-slate-800'}
    >
      {fields.map((field, i) => (
        <li key={`${i}-${field.name}`} className="py-0.5">
          <span className="font-mono break-all text-violet-800 dark:text-violet-300">
            {field.name}
          </span>
          <span className="text-slate-600 dark:text-slate-300">: {field.type}</span>
          {field.children && <Fields fields={field.children} />}
        </li>
      ))}
    </ul>
  );
}
