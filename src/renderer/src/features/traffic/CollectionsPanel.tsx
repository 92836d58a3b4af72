import { useCallback, useEffect, useState } from 'react';
import type { CollectionSummary, ControlApi } from '../../../../shared/contract/control-api';
import { collectionToHar } from '../../../../shared/contract/har';
import { useApp } from '../../app/store';
import { parseCollectionFile } from '../../../../shared/contract/collection-file';

type Results = ControlApi['POST /collections/:id/replay']['res'];

function download(name: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Saved collections: save the selected exchanges, import a file, replay, download as JSON or HAR, delete. */
export function CollectionsPanel({ selected, onSaved }: { selected: number[]; onSaved: () => void }) {
  const control = useApp((s) => s.control)!;
  const [collections, setCollections] = useState<CollectionSummary[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [results, setResults] = useState<{ id: number; results: Results } | null>(null);
  const reload = useCallback(() => control.call('GET /collections').then(setCollections), [control]);
  useEffect(() => void reload(), [reload]);
  const guard = (work: () => Promise<unknown>) => () => {
    setError(null);
    work().catch((e: Error) => setError(e.message));
  };
  const save = guard(async () => {
    await control.call('POST /collections', { body: { name, exchange_ids: selected } });
    setName('');
    onSaved();
    await reload();
  });
  const importFile = (file: File) =>
    guard(async () => {
      const collection = parseCollectionFile(file.name, await file.text());
      await control.call('POST /collections', { body: { name: file.name, collection } });
      await reload();
    })();
  const fetchDoc = (id: number) => control.call('GET /collections/:id', { params: { id } });

  return (
    <section id="collectionsPanel" className="traffic__collections">
      <div className="traffic__collections-bar">
        <input id="collectionName" placeholder="Collection name" value={name} onChange={(e) => setName(e.target.value)} />
        <button id="saveCollection" type="button" className="btn btn-primary" disabled={selected.length === 0} onClick={save}>
          Save {selected.length} selected
        </button>
        <label className="btn btn-tertiary">
          Import…
          <input
            id="importCollection"
            type="file"
            accept=".json,.har,.sh,.txt"
            hidden
            onChange={(e) => e.target.files?.[0] && importFile(e.target.files[0])}
          />
        </label>
      </div>
      {error && (
        <p className="has-error control-label" role="alert">
          {error}
        </p>
      )}
      <ul className="traffic__collection-list">
        {collections.map((c) => (
          <li key={c.id} data-collection-id={c.id}>
            <strong>{c.name}</strong> ({c.entries})
            <button
              type="button"
              className="btn btn-tertiary"
              onClick={guard(async () =>
                setResults({ id: c.id, results: await control.call('POST /collections/:id/replay', { params: { id: c.id } }) }),
              )}
            >
              Replay
            </button>
            <button
              type="button"
              className="btn btn-tertiary"
              onClick={guard(async () => download(`${c.name}.json`, JSON.stringify(await fetchDoc(c.id), null, 2)))}
            >
              JSON
            </button>
            <button
              type="button"
              className="btn btn-tertiary"
              onClick={guard(async () =>
                download(
                  `${c.name}.har`,
                  JSON.stringify(collectionToHar(await fetchDoc(c.id), { name: 'Mockmost', version: '0.1.0' }), null, 2),
                ),
              )}
            >
              HAR
            </button>
            <button
              type="button"
              className="btn btn-tertiary"
              onClick={guard(async () => (await control.call('DELETE /collections/:id', { params: { id: c.id } }), await reload()))}
            >
              Delete
            </button>
            {results?.id === c.id && (
              <ul className="traffic__collection-results">
                {results.results.map((r) => (
                  <li key={r.index} className={`traffic__replay-result--${r.outcome}`}>
                    {r.outcome === 'same' ? '✓' : r.outcome === 'changed' ? '✗' : '!'} {r.entry.name}
                    {r.error && <div>{r.error}</div>}
                    {r.differences.map((d, i) => (
                      <div key={i}>
                        <code>{d.path}</code>: {JSON.stringify(d.recorded)} → {JSON.stringify(d.replayed)}
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
