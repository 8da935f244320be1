import { buildWebIfStale } from './build.ts';

// `npm start` runs this first, so a fresh clone serves a web app built from its own sources.
if (await buildWebIfStale()) console.log('Aplikasi web dibangun ulang (web/dist).');
