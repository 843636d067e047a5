/** Popup entry point: wires the real extension API into the Popup component. */
import { render } from 'preact';
import { extensionApi } from '../shared/browser';
import { sendRequest } from '../shared/send-request';
import { Popup } from './Popup';

const ping = () => sendRequest(extensionApi.runtime, { type: 'ping' });

const root = document.getElementById('root');
if (root) render(<Popup ping={ping} />, root);
