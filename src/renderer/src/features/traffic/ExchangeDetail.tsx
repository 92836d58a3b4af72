import type { CapturedBody, Exchange, HeaderList } from '../../../../shared/contract/exchange';
import { replayableHeaders } from '../../../../shared/contract/collection';
import { toCurl } from '../../../../shared/contract/curl';
import { useEffect, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { onInAppLinkClick } from '../../app/navigate';
import { useApp } from '../../app/store';
import { RenderedPosts } from '../channel/RenderedPosts';
import { CopyButton } from '../../ui/CopyButton';
import { JsonView } from '../../ui/monaco/JsonView';
import { bodyShape, statusClass } from './exchange-display';
import { ReplayPanel } from './ReplayPanel';
import { TimingBar } from './TimingBar';

/** Name and value pairs as a table: headers, and a form body's fields. */
function Headers({ list, className = '' }: { list: HeaderList; className?: string }) {
  return (
    <table className={`traffic__headers ${className}`.trim()}>
      <tbody>
        {list.map(([name, value], i) => (
          <tr key={i}>
            <th>{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Body({ body, headers }: { body: CapturedBody; headers: HeaderList }) {
  const shape = bodyShape(body, headers);
  if (shape.kind === 'empty') return <p className="traffic__note">(empty body)</p>;
  if (shape.kind === 'json') return <JsonView className="traffic__body traffic__body--json" text={shape.text} />;
  if (shape.kind === 'form') return <Headers list={shape.fields} className="traffic__body traffic__body--form" />;
  if (shape.kind === 'binary') return <pre className="traffic__body">{`(binary, ${shape.size} bytes, base64)\n${shape.base64}`}</pre>;
  return <pre className="traffic__body">{shape.text}</pre>;
}

const sizeLabel = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);

/** One side of the exchange: its headers (folded when many) and its body, each with a copy button. */
function Side({ id, title, headers, body }: { id: string; title: string; headers: HeaderList; body: CapturedBody }) {
  return (
    <section id={id} className="traffic__side">
      <h3>{title}</h3>
      <details className="traffic__part" open={headers.length <= 12}>
        <summary>
          Headers <span className="traffic__count">{headers.length}</span>
        </summary>
        <CopyButton label="Copy headers" text={() => headers.map(([n, v]) => `${n}: ${v}`).join('\n')} />
        <Headers list={headers} />
      </details>
      <div className="traffic__part">
        <div className="traffic__part-title">
          Body <span className="traffic__count">{sizeLabel(body.size)}</span>
          <CopyButton label="Copy body" text={() => body.data} />
        </div>
        <Body body={body} headers={headers} />
        {body.truncated && <p className="traffic__note">Stored cut at 1 MiB of {body.size} bytes.</p>}
      </div>
    </section>
  );
}

/** The exchange's full URL; requests to Mockmost are captured with their path only. */
const urlOf = (exchange: Exchange, origin: string) => (exchange.url.startsWith('/') ? `${origin}${exchange.url}` : exchange.url);

/** The exchange's request as a curl command. */
function curlOf(exchange: Exchange, origin: string): string {
  const url = urlOf(exchange, origin);
  const body = exchange.request_body.encoding === 'utf8' ? exchange.request_body.data : undefined;
  return toCurl({ method: exchange.method, url, headers: replayableHeaders(exchange.request_headers), body });
}

/** The post the exchange made, drawn as the channel shows it, with a link to it there. */
function CausedPost({ postId }: { postId: string }) {
  const control = useApp((s) => s.control);
  const [view, setView] = useState<ChannelView | null>(null);
  useEffect(() => {
    let live = true;
    control
      ?.call('GET /view/post/:id', { params: { id: postId } })
      .then((v) => live && setView(v))
      .catch(() => live && setView(null));
    return () => {
      live = false;
    };
  }, [control, postId]);
  const post = view?.posts.posts[postId];
  return (
    <section className="traffic__post">
      <h3>
        Post{' '}
        {view ? (
          <a href={`/${view.team.name}/pl/${postId}`} onClick={onInAppLinkClick}>
            {postId}
          </a>
        ) : (
          postId
        )}
      </h3>
      {view && post && <RenderedPosts id="exchangePost" className="post-list traffic__post-preview" view={view} posts={[post]} />}
    </section>
  );
}

/** One exchange in full, read like a debugger's: why it failed first, then timings, the post it made, both sides, and a replay. */
export function ExchangeDetail({ exchange, onDelete }: { exchange: Exchange; onDelete: () => void }) {
  return (
    <article id="exchangeDetail" className="traffic__detail" data-exchange-id={exchange.id}>
      <header className="traffic__detail-header">
        <h2>
          <span className="traffic__method">{exchange.method}</span> <span className="traffic__detail-url">{exchange.url}</span>
        </h2>
        <p>
          <span className={`traffic__status traffic__status--${statusClass(exchange.status)}`}>{exchange.status ?? 'no answer'}</span>{' '}
          {exchange.direction} {exchange.kind} · {new Date(exchange.started_at).toLocaleString()}
          {exchange.error_id && <> · {exchange.error_id}</>}
        </p>
      </header>
      {(exchange.diagnosis.length > 0 || exchange.error) && (
        <ul id="exchangeDiagnosis" className="traffic__diagnosis">
          {exchange.error && <li className="traffic__diagnosis-error">{exchange.error}</li>}
          {exchange.diagnosis.map((d, i) => (
            <li key={i}>
              <strong>{d.code}</strong> {d.message}
              {d.fix && <div className="traffic__fix">Fix: {d.fix}</div>}
            </li>
          ))}
        </ul>
      )}
      <TimingBar exchange={exchange} />
      <div className="traffic__actions">
        <CopyButton id="copyCurlButton" label="Copy as curl" text={() => curlOf(exchange, window.location.origin)} />
        <CopyButton label="Copy URL" text={() => urlOf(exchange, window.location.origin)} />
        <button id="exchangeDelete" type="button" className="btn btn-tertiary btn-compact" onClick={onDelete}>
          Delete this exchange
        </button>
      </div>
      {exchange.post_id && <CausedPost postId={exchange.post_id} />}
      <div className="traffic__sides">
        <Side id="exchangeRequest" title="Request" headers={exchange.request_headers} body={exchange.request_body} />
        <Side id="exchangeResponse" title="Response" headers={exchange.response_headers} body={exchange.response_body} />
      </div>
      <ReplayPanel exchange={exchange} />
    </article>
  );
}
