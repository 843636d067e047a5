/** Options page entry point: wires the real extension API into the Options component. */
import { render } from 'preact';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import type { Ask } from '../popup/CorpusControls';

const ask: Ask = (request) => sendRequest(extensionApi.runtime, request);
const root = document.getElementById('root');
if (root) render(<main><h1>Crosswire options</h1><p>Loading…</p></main>, root);
void ask;
