/** The demo stack's fixed content: users, tiers and APIs. Ids are fixed so seeding is idempotent. */
export const DEMO_USERS = [
  { id: 'usr_demo_admin', email: 'admin@gatehouse.local', name: 'Ada Admin', role: 'admin', password: 'gatehouse-admin' },
  { id: 'usr_demo_publisher', email: 'publisher@gatehouse.local', name: 'Pat Publisher', role: 'publisher', password: 'gatehouse-publisher' },
  { id: 'usr_demo_subscriber', email: 'subscriber@gatehouse.local', name: 'Sam Subscriber', role: 'subscriber', password: 'gatehouse-subscriber' },
] as const;

export const DEMO_TIERS = [
  { id: 'tier_bronze', name: 'Bronze', description: 'For trying things out.', requests_per_minute: 60, burst: 10, monthly_quota: 10_000 },
  { id: 'tier_gold', name: 'Gold', description: 'For production apps.', requests_per_minute: 600, burst: 100, monthly_quota: 1_000_000 },
  { id: 'tier_unlimited', name: 'Unlimited', description: 'No limits; for internal apps.', requests_per_minute: null, burst: null, monthly_quota: null },
] as const;

export const DEMO_APIS = [
  {
    id: 'api_weather_v1',
    name: 'Weather',
    version: 'v1',
    context: '/weather/v1',
    description: 'Three-day forecasts for a handful of cities.',
    tags: ['weather', 'forecast'],
    document: 'weather.yaml',
    backendPath: '/weather',
    overview: [
      '## Getting started',
      '',
      '1. Create an application and subscribe it to Weather on a tier.',
      '2. Create a key, or use **Create a try-it key** in the console below.',
      '3. Call `GET /forecast?city=lisbon` with the key in the `x-api-key` header.',
      '',
      'Cities: Berlin, Lisbon, Nairobi and Tokyo. Forecasts cover three days, in degrees Celsius.',
    ].join('\n'),
  },
  {
    id: 'api_books_v1',
    name: 'Books',
    version: 'v1',
    context: '/books/v1',
    description: 'A small catalogue of books about building software.',
    tags: ['books', 'catalog'],
    document: 'books.json',
    backendPath: '/books',
    overview: 'A read-only catalogue. `GET /books` lists every book; `GET /books/{id}` returns one.',
  },
  {
    id: 'api_echo_v1',
    name: 'Echo',
    version: 'v1',
    context: '/echo/v1',
    description: 'Echoes the request the backend received: see exactly what the gateway forwards.',
    tags: ['debugging'],
    document: 'echo.yaml',
    backendPath: '/echo',
    overview: 'Answers with the method, path, query and headers the backend received: use it to see what the gateway adds (`x-gatehouse-app-id`, `X-Forwarded-*`) and removes (your key).',
  },
] as const;

export const DEMO_ENVIRONMENT = { id: 'env_default', name: 'default' } as const;
export const DEMO_APP = { id: 'app_demo', name: 'Demo app', description: 'Made by the demo seed.' } as const;
