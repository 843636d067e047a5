/** Popup entry point: wires the real extension API into the Popup component. */
import { render } from 'preact';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import type { Ask } from './CorpusControls';
import { Popup } from './Popup';

const ping = () => sendRequest(extensionApi.runtime, { type: 'ping' });
const ask: Ask = (request) => sendRequest(extensionApi.runtime, request);

const root = document.getElementById('root');
if (root) render(<Popup ping={ping} ask={ask} />, root);
