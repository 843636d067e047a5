/** Options page entry point: wires the real extension API into the Options component. */
import { render } from 'preact';
import type { Ask } from '../shared/ask';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import { Options } from './Options';

const ask: Ask = (request) => sendRequest(extensionApi.runtime, request);
const root = document.getElementById('root');
/** Give back a site's optional host permission when the user stops "always on this site". */
const forget = (origin: string) => extensionApi.permissions.remove({ origins: [`${origin}/*`] });
/** Ask for the feeds' sites (following the news); called in the reader's click, as browsers require. */
const requestOrigins = (origins: string[]) => extensionApi.permissions.request({ origins });
if (root) render(<Options ask={ask} forget={forget} requestOrigins={requestOrigins} />, root);
