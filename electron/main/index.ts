// Electron main entry. All wiring lives in bootstrap.ts.
import { bootstrap } from './bootstrap';

bootstrap().catch((err: unknown) => {
  console.error('Keystash failed to start:', err);
  process.exit(1);
});
