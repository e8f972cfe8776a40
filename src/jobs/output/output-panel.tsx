import { useCallback } from 'react';
// useLocation, not useSearchParams: the job page already imports it from the entry chunk.
import { useLocation } from 'react-router';
import type { JsonPath } from '../../lib/json/json-model.ts';
import type { DocumentInfo } from '../../lib/json/output-shape.ts';
import { jobValueLink, VALUE_PARAM } from './value-link.ts';
import { PayloadPanel } from './payload-panel.tsx';

type OutputPanelProps = {
  jobId: string;
  outputData: string;
  inputData?: string;
  onDocumentInfo?: (info: DocumentInfo | undefined) => void;
};

/** A job's output, with links to its values and the value a link points to opened. */
export function OutputPanel({ jobId, outputData, inputData, onDocumentInfo }: OutputPanelProps) {
  const { search } = useLocation();
  const linkTo = useCallback((path: JsonPath) => jobValueLink(jobId, path), [jobId]);
  return (
    <PayloadPanel
      title="Output"
      text={outputData}
      fileBase={`${jobId}-output`}
      isOutput
      reserve
      inputText={inputData}
      linkTo={linkTo}
      link={new URLSearchParams(search).get(VALUE_PARAM)}
      onDocumentInfo={onDocumentInfo}
    />
  );
}
