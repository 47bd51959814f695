// Realistic sample items for the e2e flows and the screenshots.
import type { ItemInput } from '../../../shared/domain';

export const SAMPLE_ITEMS: ItemInput[] = [
  { type: 'login', title: 'GitHub', username: 'maya.lindqvist', password: 'tundra-Velvet-42-orbit', urls: ['https://github.com/login'], tags: ['work', 'dev'], folder: 'Work', favorite: true, notes: 'Recovery codes are in the safe.' },
  { type: 'login', title: 'Fastmail', username: 'maya@lindqvist.se', password: 'Correct-Lantern-Fjord-88', urls: ['https://app.fastmail.com'], tags: ['personal'], folder: 'Personal', fields: [{ name: 'Recovery phone', value: '+46 70 123 45 67', concealed: false }, { name: 'Backup PIN', value: '804271', concealed: true }] },
  { type: 'login', title: 'Nordea online bank', username: '19850412-3381', password: 'Kr0na!Harbour!Sparrow', urls: ['https://netbank.nordea.se'], tags: ['finance'], folder: 'Personal', favorite: true },
  { type: 'login', title: 'Figma', username: 'maya@studio-north.io', password: 'pixel-Moss-Quartz-19', urls: ['https://www.figma.com'], tags: ['work', 'design'], folder: 'Work' },
  { type: 'login', title: 'Spotify', username: 'mayalq', password: 'groove!Tide!7731', urls: ['https://accounts.spotify.com'], tags: ['personal'] },
  { type: 'api_key', title: 'Stripe live secret key', service: 'Stripe', keyId: 'sk_live_51Nx…Q2', secret: 'sk_live_51NxExampleKeyValue0000000000Q2', environment: 'production', expiresAt: '2027-06-30', rotationDays: 90, tags: ['work', 'billing'], folder: 'Work', favorite: true },
  { type: 'api_key', title: 'OpenWeather API', service: 'OpenWeather', keyId: 'weather-dashboard', secret: '3f9c1b7e2a5d4c8e9f0a1b2c3d4e5f60', environment: 'development', tags: ['dev'], urls: ['https://home.openweathermap.org/api_keys'] },
  { type: 'api_key', title: 'AWS deploy user', service: 'Amazon Web Services', keyId: 'AKIAIOSFODNN7EXAMPLE', secret: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', environment: 'staging', rotationDays: 30, tags: ['work', 'dev'], folder: 'Work' },
  { type: 'note', title: 'Home Wi-Fi', notes: 'Network: Lindqvist-5G\nPassword is on the router sticker; guest network is Lindqvist-Guest.', tags: ['home'], folder: 'Personal' },
  { type: 'note', title: 'Passport and ID numbers', notes: 'Passport renewal due March 2028.\nKeep a scan in the fireproof box.', tags: ['personal'] },
];
