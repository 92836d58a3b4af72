import type { Finding } from '../../../../shared/schemas/payload-rules';
import { PAYLOAD_SCHEMAS, type PayloadKind } from '../../../../shared/schemas/payload-schemas';
import { JsonEditor } from '../../ui/monaco/JsonEditor';

interface Props {
  kind: PayloadKind;
  value: string;
  findings: Finding[];
  onChange: (text: string) => void;
}

/** The composer's editor: the payload validated against its kind's JSON Schema and Mattermost's own rules. */
export function MonacoEditor({ kind, value, findings, onChange }: Props) {
  return (
    <JsonEditor
      id="composer-editor"
      className="composer__editor"
      fileName={`${kind}.json`}
      schema={PAYLOAD_SCHEMAS[kind]}
      value={value}
      findings={findings}
      onChange={onChange}
    />
  );
}
