import { isHttpUrl } from '../../../workspace/integration-rules';
import { PROXY_NAME, proxyTargets, setProxyTarget } from '../../proxy/proxy-targets';
import { AppError } from '../../../workspace/app-error';
import type { ControlHandler } from './control-route';
import { readJsonBody } from './read-json-body';

function proxyName(name: string | undefined): string {
  if (!name || !PROXY_NAME.test(name))
    throw new AppError(400, 'mockmost.proxy.name.app_error', 'A proxy name is 1 to 64 letters and digits.');
  return name;
}

export const listProxies: ControlHandler<'GET /proxies'> = (ctx) => proxyTargets(ctx.core);

/** Points `/_mockmost/proxy/{name}/…` at an integration: `{"url": "http://host:port/base"}`. */
export const putProxy: ControlHandler<'PUT /proxies/:name'> = async (ctx) => {
  const name = proxyName(ctx.params.name);
  const url = (await readJsonBody(ctx))?.url;
  if (typeof url !== 'string' || !isHttpUrl(url))
    throw new AppError(400, 'mockmost.proxy.url.app_error', 'The body must be {"url": "http://host:port/…"} with an http(s) URL.');
  setProxyTarget(ctx.core, name, url);
  return proxyTargets(ctx.core);
};

export const deleteProxy: ControlHandler<'DELETE /proxies/:name'> = (ctx) => {
  setProxyTarget(ctx.core, proxyName(ctx.params.name), undefined);
  return proxyTargets(ctx.core);
};
