import { join } from 'node:path';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { demoSite, type DemoPage } from '../../src/demo/pages';
import { startNewsServer, type NewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';

export interface DemoBrowser {
  pages: DemoPage[];
  server: NewsServer;
  extension: LoadedExtension;
  close(): Promise<void>;
}

/** The built extension in Chromium, with the demo news site served on its real hostnames. */
export async function startDemoBrowser(extraPages: Record<string, string> = {}): Promise<DemoBrowser> {
  ensureBuilt();
  const site = demoSite();
  const server = await startNewsServer({ ...site.html, ...extraPages });
  const extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  return {
    pages: site.pages,
    server,
    extension,
    close: async () => {
      await extension.close();
      await server.close();
    },
  };
}
