import type { CapturedBody, Exchange, HeaderList } from '../../../../shared/contract/exchange';
import { replayableHeaders } from '../../../../shared/contract/collection';
import { toCurl } from '../../../../shared/contract/curl';
import { useEffect, useState } from 'react';
import type { ChannelView } from '../../../../shared/contract/control-api';
import { onInAppLinkClick } from '../../app/navigate';
import { useApp } from '../../app/store';
import { RenderedPosts } from '../channel/RenderedPosts';
import { ReplayPanel } from './ReplayPanel';

function prettyBody(body: CapturedBody): string {
  if (body.encoding === 'base64') return `(binary, ${body.size} bytes, base64)\n${body.data}`;
  try {
    return JSON.stringify(JSON.parse(body.data), null, 2);
  } catch {
    return body.data;
  }
}

function Headers({ list }: { list: HeaderList }) {
  return (
    <table className="traffic__headers">
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

function Side({ title, headers, body }: { title: string; headers: HeaderList; body: CapturedBody }) {
  return (
    <section className="traffic__side">
      <h3>{title}</h3>
      <Headers list={headers} />
      <pre className="traffic__body">{prettyBody(body) || '(empty body)'}</pre>
      {body.truncated && <p className="traffic__note">Stored cut at 1 MiB of {body.size} bytes.</p>}
    </section>
  );
}

/** The exchange's request as a curl command; requests to Mockmost are captured with their path only. */
function curlOf(exchange: Exchange, origin: string): string {
  const url = exchange.url.startsWith('/') ? `${origin}${exchange.url}` : exchange.url;
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

/** One exchange: what was sent and answered, how long it took, why it failed, and a replay. */
/** One exchange in full; `onDelete` deletes it (after which the list drops it). */
export function ExchangeDetail({ exchange, onDelete }: { exchange: Exchange; onDelete: () => void }) {
  return (
    <article id="exchangeDetail" className="traffic__detail" data-exchange-id={exchange.id}>
      <header>
        <h2>
          {exchange.method} {exchange.url}
        </h2>
        <p>
          {exchange.direction} {exchange.kind} · {exchange.status ?? 'no answer'} · {exchange.duration_ms.toFixed(1)} ms ·{' '}
          {new Date(exchange.started_at).toLocaleString()}
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
      {exchange.post_id && <CausedPost postId={exchange.post_id} />}
      <div className="traffic__sides">
        <Side title="Request" headers={exchange.request_headers} body={exchange.request_body} />
        <Side title="Response" headers={exchange.response_headers} body={exchange.response_body} />
      </div>
      <div className="traffic__actions">
        <button
          id="copyCurlButton"
          type="button"
          className="btn btn-tertiary"
          onClick={() => void navigator.clipboard?.writeText(curlOf(exchange, window.location.origin))}
        >
          Copy as curl
        </button>
        <button id="exchangeDelete" type="button" className="btn btn-tertiary" onClick={onDelete}>
          Delete this exchange
        </button>
      </div>
      <ReplayPanel exchange={exchange} />
    </article>
  );
}
